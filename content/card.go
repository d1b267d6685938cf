package content

import "strings"

// Card renders one contact as plain text in lang: name, what it is for, and
// each way to reach it on a line of its own, so that a phone shows every
// number and address as a tappable link.
func (c *Content) Card(lang string, ct *Contact) string {
	var b strings.Builder
	b.WriteString(ct.Name)
	if about := pick(ct.About, lang); about != "" {
		b.WriteString("\n")
		b.WriteString(about)
	}
	line := func(key, v string) {
		if v != "" {
			b.WriteString("\n")
			b.WriteString(c.Text(lang, key))
			b.WriteString(" ")
			b.WriteString(v)
		}
	}
	line(KeyCardPhone, ct.Phone)
	line(KeyCardChat, ct.Chat)
	line(KeyCardWeb, ct.Web)
	line(KeyCardEmail, ct.Email)
	line(KeyCardHours, pick(ct.Hours, lang))
	return b.String()
}

// Cards renders the contacts with the given ids, separated by blank lines.
// Unknown ids are skipped; Load makes sure there are none in the content.
func (c *Content) Cards(lang string, ids []string) string {
	parts := make([]string, 0, len(ids))
	for _, id := range ids {
		if ct, ok := c.Contacts[id]; ok {
			parts = append(parts, c.Card(lang, ct))
		}
	}
	return strings.Join(parts, "\n\n")
}

// pick returns m[lang], falling back to the default language.
func pick(m map[string]string, lang string) string {
	if v, ok := m[lang]; ok {
		return v
	}
	return m[DefaultLang]
}
