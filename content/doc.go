// Package content owns what Signaal says: the dialogue flows, the texts in
// every language and the contact cards of the organisations it refers to.
//
// Content is data. It lives in YAML under data/, is embedded into the binary
// with go:embed and is decoded strictly and validated by Load, which reports
// every problem at once with the file and line it stands on, so that a
// content editor can fix a phone number or a question without reading Go.
package content
