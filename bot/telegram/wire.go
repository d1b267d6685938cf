package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/flows"
)

// The calls made for every update (sendMessage, editMessageText,
// editMessageReplyMarkup, answerCallbackQuery, and the deletions of a quick
// exit) are encoded here rather than by tgbotapi. For each call the
// library builds two maps, marshals the keyboard anew, formats and parses
// the URL, and decodes Telegram's whole answer into a Message by
// reflection; a profile of the load command showed that costing more than
// everything else the bot does for an update. Here the form is written
// straight into one buffer, keyboards are encoded once and kept, and of
// the answer only the id of the sent message is read. What is sent is
// the same form, field for field, and the call still goes through the
// doer (time-outs, redaction) and Bot.call (limits, retries) as every
// other call does.

// form is a request body in application/x-www-form-urlencoded, written
// field by field; its fields are added in the order url.Values.Encode
// sorts them, so that it reads like the library's.
type form struct{ b []byte }

func newForm(size int) *form { return &form{b: make([]byte, 0, size)} }

// escapedLen is the length of s escaped by appendQueryEscape, so that a
// form's buffer can be made to measure.
func escapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' || c == ' ') {
			n += 2
		}
	}
	return n
}

func (f *form) sep(key string) {
	if len(f.b) > 0 {
		f.b = append(f.b, '&')
	}
	f.b = append(f.b, key...)
	f.b = append(f.b, '=')
}

// text adds a field with its value escaped.
func (f *form) text(key, value string) {
	f.sep(key)
	f.b = appendQueryEscape(f.b, value)
}

// int adds a number field.
func (f *form) int(key string, v int64) {
	f.sep(key)
	f.b = strconv.AppendInt(f.b, v, 10)
}

// escaped adds a field whose value is escaped already.
func (f *form) escaped(key string, value escapedJSON) {
	f.sep(key)
	f.b = append(f.b, value...)
}

// appendQueryEscape appends s escaped as url.QueryEscape escapes it.
func appendQueryEscape(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b = append(b, c)
		case c == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

// escapedJSON is a value marshalled to JSON and escaped for a form, ready
// to add to any number of them.
type escapedJSON string

// escapeJSON marshals v as tgbotapi's Params.AddInterface does and
// escapes it for a form.
func escapeJSON(v any) escapedJSON {
	j, err := json.Marshal(v)
	if err != nil {
		// Only the bot's own markup types come here, and they marshal.
		panic("telegram: markup does not marshal: " + err.Error())
	}
	return escapedJSON(appendQueryEscape(nil, string(j)))
}

// Markups that never change, encoded once.
var (
	removeKeyboardForm = escapeJSON(removeKeyboard)
	noButtonsForm      = escapeJSON(noButtons)
)

// keyboards keeps the inline keyboards of replies, encoded. The engine
// makes every question's options once and hands the same slice to every
// conversation (channels must not change them), so the slice is the key:
// its first element and its length. The entry keeps that element alive,
// so its address cannot come to stand for other options. Options made for
// one reply (contact search) are encoded every time once the cache is
// full, which it is not with the shipped content.
type keyboards struct {
	mu sync.RWMutex
	m  map[optionsKey]escapedJSON
}

type optionsKey struct {
	first *flows.Option
	n     int
}

// maxKeyboards bounds the keyboards kept; the shipped content has a few
// hundred questions in each language.
const maxKeyboards = 4096

// inlineMarkup returns the options as an encoded inline keyboard, or ""
// when none of them can be a button.
func (b *Bot) inlineMarkup(opts []flows.Option) escapedJSON {
	if len(opts) == 0 {
		return ""
	}
	k := optionsKey{&opts[0], len(opts)}
	b.keyboards.mu.RLock()
	m, ok := b.keyboards.m[k]
	b.keyboards.mu.RUnlock()
	if ok {
		return m
	}
	if kb := b.inlineKeyboard(opts); kb != nil {
		m = escapeJSON(kb)
	}
	b.keyboards.mu.Lock()
	if b.keyboards.m == nil {
		b.keyboards.m = map[optionsKey]escapedJSON{}
	}
	if len(b.keyboards.m) < maxKeyboards {
		b.keyboards.m[k] = m
	}
	b.keyboards.mu.Unlock()
	return m
}

// sendText sends one message and returns its id.
func (b *Bot) sendText(ctx context.Context, chat int64, class callClass, text string, markup escapedJSON) (int, error) {
	f := newForm(80 + escapedLen(text) + len(markup))
	f.int("chat_id", chat)
	f.text("disable_web_page_preview", "true")
	if markup != "" {
		f.escaped("reply_markup", markup)
	}
	f.text("text", text)
	return b.post(ctx, chat, class, "sendMessage", f)
}

// editText changes a message's text and buttons.
func (b *Bot) editText(ctx context.Context, chat int64, class callClass, msgID int, text string, markup escapedJSON) error {
	f := newForm(100 + escapedLen(text) + len(markup))
	f.int("chat_id", chat)
	f.text("disable_web_page_preview", "true")
	f.int("message_id", int64(msgID))
	if markup != "" {
		f.escaped("reply_markup", markup)
	}
	f.text("text", text)
	_, err := b.post(ctx, chat, class, "editMessageText", f)
	return err
}

// editMarkup changes a message's buttons.
func (b *Bot) editMarkup(ctx context.Context, chat int64, class callClass, msgID int, markup escapedJSON) error {
	f := newForm(64 + len(markup))
	f.int("chat_id", chat)
	f.int("message_id", int64(msgID))
	f.escaped("reply_markup", markup)
	_, err := b.post(ctx, chat, class, "editMessageReplyMarkup", f)
	return err
}

// answerCallback tells Telegram that a button press was seen.
func (b *Bot) answerCallback(ctx context.Context, queryID string) error {
	f := newForm(20 + escapedLen(queryID))
	f.text("callback_query_id", queryID)
	_, err := b.post(ctx, 0, classOther, "answerCallbackQuery", f)
	return err
}

// deleteMessage deletes one message.
func (b *Bot) deleteMessage(ctx context.Context, chat int64, msgID int64) error {
	f := newForm(48)
	f.int("chat_id", chat)
	f.int("message_id", msgID)
	_, err := b.post(ctx, chat, classOther, "deleteMessage", f)
	return err
}

// post makes one call with form f through the limits and retries of
// call, and returns the id of the message Telegram answers with, if it
// answers with one.
func (b *Bot) post(ctx context.Context, chat int64, class callClass, method string, f *form) (int, error) {
	u := b.methodURL(method)
	body := f.b
	resp, err := b.call(ctx, chat, class, method, func() (*tgbotapi.APIResponse, error) {
		return b.roundTrip(ctx, u, method, body)
	})
	if err != nil {
		return 0, err
	}
	id, err := messageID(resp.Result)
	if err != nil {
		return 0, b.redact.outside(method, fmt.Errorf("decode result: %w", err))
	}
	return id, nil
}

// roundTrip posts body to u through the doer and reads the answer as
// tgbotapi's MakeRequest does: an answer that is not ok is an error with
// its code, description and retry_after. The request ends with ctx, the
// call's own, so that a quick exit carried out after the rest of the
// work was abandoned is not cut off with it.
func (b *Bot) roundTrip(ctx context.Context, u *url.URL, method string, body []byte) (*tgbotapi.APIResponse, error) {
	d := b.api.Client.(*doer)
	ctx, cancel := context.WithTimeout(ctx, d.timeout)
	req := &http.Request{
		Method:        http.MethodPost,
		URL:           u,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        formHeader,
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Host:          u.Host,
		GetBody:       func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil },
	}
	resp, err := d.finish(req.WithContext(ctx), cancel)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var raw []byte
	if n := resp.ContentLength; n > 0 && n <= 1<<20 {
		raw = make([]byte, n)
		_, err = io.ReadFull(resp.Body, raw)
	} else {
		raw, err = io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	}
	if err != nil {
		return nil, err
	}
	if result, ok := okResult(raw); ok {
		return &tgbotapi.APIResponse{Ok: true, Result: result}, nil
	}
	// Not a plain success: read it as the library would, error and all.
	var answer tgbotapi.APIResponse
	if err := json.Unmarshal(raw, &answer); err != nil {
		return nil, err
	}
	if !answer.Ok {
		e := &tgbotapi.Error{Code: answer.ErrorCode, Message: answer.Description}
		if answer.Parameters != nil {
			e.ResponseParameters = *answer.Parameters
		}
		return &answer, e
	}
	return &answer, nil
}

// formHeader is the header of every request of this file. It is shared:
// neither net/http nor a RoundTripper may change a request's header (see
// http.RoundTripper), and one map less for every call shows under load.
var formHeader = http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}

// methodURL is the URL of a method, parsed once.
func (b *Bot) methodURL(method string) *url.URL {
	if u, ok := b.urls.Load(method); ok {
		return u.(*url.URL)
	}
	u, err := url.Parse(fmt.Sprintf(b.Endpoint, b.Token, method))
	if err != nil {
		// init checked the endpoint's shape; a URL that does not parse
		// fails every call the same way, through the doer.
		u = &url.URL{Scheme: "http", Host: "invalid.invalid", Path: "/" + method}
	}
	b.urls.Store(method, u)
	return u
}

// errAnswer is an answer of Telegram that is not the JSON it should be.
var errAnswer = errors.New("unreadable answer")

// okResult reads {"ok":true,"result":...} and returns the result, without
// decoding it. Anything else, an error answer included, is not ok.
func okResult(b []byte) (json.RawMessage, bool) {
	var ok bool
	var result []byte
	err := eachField(b, func(key, v []byte) error {
		switch string(key) {
		case "ok":
			ok = string(v) == "true"
		case "result":
			result = v
		}
		return nil
	})
	return result, err == nil && ok && result != nil
}

// messageID reads the message_id of a result that is a message; a result
// that is not an object (true, for most calls) has none.
func messageID(result []byte) (int, error) {
	i := skipSpace(result, 0)
	if i >= len(result) || result[i] != '{' {
		return 0, nil
	}
	id := 0
	err := eachField(result, func(key, v []byte) error {
		if string(key) == "message_id" {
			n, err := strconv.Atoi(string(v))
			id = n
			return err
		}
		return nil
	})
	return id, err
}

// eachField calls f with every key, still escaped, and raw value of the
// JSON object b, without decoding the values, and stops at the first error
// f returns. It checks only as much of the syntax as it needs to find
// where each value ends, and reports errAnswer when that is not clear; it
// never panics.
func eachField(b []byte, f func(key, value []byte) error) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return errAnswer
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return nil
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return errAnswer
		}
		end := skipString(b, i)
		if end < 0 {
			return errAnswer
		}
		key := b[i+1 : end-1]
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return errAnswer
		}
		start := skipSpace(b, i+1)
		end = skipValue(b, start)
		if end < 0 {
			return errAnswer
		}
		if err := f(key, b[start:end]); err != nil {
			return err
		}
		i = skipSpace(b, end)
		if i >= len(b) {
			return errAnswer
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case '}':
			return nil
		default:
			return errAnswer
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
		i++
	}
	return i
}

// skipString returns the index after the string that starts at b[i], or
// -1. It looks for the closing quote with bytes.IndexByte, which is much
// faster than a loop over every byte, and takes a quote for the closing
// one when an even number of backslashes comes before it.
func skipString(b []byte, i int) int {
	for i++; ; {
		j := bytes.IndexByte(b[i:], '"')
		if j < 0 {
			return -1
		}
		i += j
		n := 0
		for k := i - 1; k >= 0 && b[k] == '\\'; k-- {
			n++
		}
		if n%2 == 0 {
			return i + 1
		}
		i++
	}
}

// skipValue returns the index after the value that starts at b[i], or -1.
// Objects and arrays are skipped by counting brackets outside strings.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				end := skipString(b, i)
				if end < 0 {
					return -1
				}
				i = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	}
	// A number or a literal: up to the next delimiter.
	start := i
	for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t' {
		i++
	}
	if i == start {
		return -1
	}
	return i
}
