package telegram

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// An update posted to the webhook is read here by hand, for the fields the
// channel uses, rather than by encoding/json into the library's Update,
// which has a field for everything Telegram ever sends. Decoding by
// reflection took a fifth of the bot's time under the load command; this
// takes a fraction of that. Whatever this reader does not take as it is
// (a number that is no int64, a key that is escaped or differs only in
// case from one it reads, a shape it does not expect) goes to encoding/json
// after all, so that a body that is not an update fails as it always did,
// with the same description. The one difference: a field the channel never
// reads is not checked for its type, so a body with, say, a number for a
// first name is read rather than refused. FuzzDecodeUpdate holds it to
// that.

// decodeUpdate reads an update from a webhook body. The body is checked
// to be JSON first, as encoding/json checks it before it decodes, so that
// the reader, which skips what it does not need without looking closely,
// refuses what is not JSON just as encoding/json does.
func decodeUpdate(body []byte) (*tgbotapi.Update, error) {
	if json.Valid(body) {
		if u, err := readUpdate(body); err == nil {
			return u, nil
		}
	}
	u := new(tgbotapi.Update)
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(u); err != nil {
		return nil, err
	}
	return u, nil
}

// maxNesting bounds how deep messages quote messages (a reply to a reply),
// which Telegram itself keeps to one level.
const maxNesting = 4

// reader reads JSON that json.Valid has passed, in one pass: each read
// consumes a value and moves on. The first problem sticks, after which
// every read returns a zero value and the update goes to encoding/json.
type reader struct {
	b   []byte
	i   int
	bad bool
}

func (r *reader) fail() { r.bad, r.i = true, len(r.b) }

func (r *reader) space() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// peek returns the next byte that is not space, or 0.
func (r *reader) peek() byte {
	r.space()
	if r.i >= len(r.b) {
		return 0
	}
	return r.b[r.i]
}

// null consumes a null and reports whether there was one.
func (r *reader) null() bool {
	if r.peek() == 'n' && len(r.b)-r.i >= 4 && string(r.b[r.i:r.i+4]) == "null" {
		r.i += 4
		return true
	}
	return false
}

// object starts reading an object; key then gives its keys in turn.
func (r *reader) object() bool {
	if r.peek() != '{' {
		r.fail()
		return false
	}
	r.i++
	return true
}

// key returns the next key of the object being read, still escaped, with
// its colon consumed; false at the object's end.
func (r *reader) key(first bool) ([]byte, bool) {
	c := r.peek()
	if c == '}' {
		r.i++
		return nil, false
	}
	if !first {
		if c != ',' {
			r.fail()
			return nil, false
		}
		r.i++
		c = r.peek()
	}
	if c != '"' {
		r.fail()
		return nil, false
	}
	end := skipString(r.b, r.i)
	if end < 0 {
		r.fail()
		return nil, false
	}
	k := r.b[r.i+1 : end-1]
	r.i = end
	if r.peek() != ':' {
		r.fail()
		return nil, false
	}
	r.i++
	return k, true
}

// array starts reading an array; more then says whether an element
// follows.
func (r *reader) array() bool {
	if r.peek() != '[' {
		r.fail()
		return false
	}
	r.i++
	return true
}

func (r *reader) more(first bool) bool {
	c := r.peek()
	if c == ']' {
		r.i++
		return false
	}
	if !first {
		if c != ',' {
			r.fail()
			return false
		}
		r.i++
	}
	return !r.bad
}

// skip consumes a value the channel does not read.
func (r *reader) skip() {
	r.space()
	end := skipValue(r.b, r.i)
	if end < 0 {
		r.fail()
		return
	}
	r.i = end
}

// other consumes the value of a key the reader does not take, unless
// encoding/json would take the key for one it does: it matches names
// without regard to case, and reads escapes in keys. Such a key leaves the
// update to encoding/json.
func (r *reader) other(key []byte, known []string) {
	if bytes.IndexByte(key, '\\') >= 0 {
		r.fail()
		return
	}
	for _, k := range known {
		if bytes.EqualFold(key, []byte(k)) {
			r.fail()
			return
		}
	}
	r.skip()
}

// raw consumes a number or literal and returns it.
func (r *reader) raw() []byte {
	r.space()
	start := r.i
	end := skipValue(r.b, r.i)
	if end < 0 || r.b[start] == '"' || r.b[start] == '{' || r.b[start] == '[' {
		r.fail()
		return nil
	}
	r.i = end
	return r.b[start:end]
}

func (r *reader) int64() int64 {
	if r.null() {
		return 0
	}
	n, err := strconv.ParseInt(string(r.raw()), 10, 64)
	if err != nil {
		r.fail()
	}
	return n
}

func (r *reader) int() int {
	if r.null() {
		return 0
	}
	n, err := strconv.ParseInt(string(r.raw()), 10, strconv.IntSize)
	if err != nil {
		r.fail()
	}
	return int(n)
}

func (r *reader) bool() bool {
	if r.null() {
		return false
	}
	switch string(r.raw()) {
	case "true":
		return true
	case "false":
		return false
	}
	r.fail()
	return false
}

func (r *reader) string() string {
	if r.null() {
		return ""
	}
	r.space()
	end := skipString(r.b, r.i)
	if r.i >= len(r.b) || r.b[r.i] != '"' || end < 0 {
		r.fail()
		return ""
	}
	s, err := jsonString(r.b[r.i:end])
	r.i = end
	if err != nil {
		r.fail()
	}
	return s
}

func readUpdate(b []byte) (*tgbotapi.Update, error) {
	r := &reader{b: b}
	u := new(tgbotapi.Update)
	if r.object() {
		for key, ok := r.key(true); ok; key, ok = r.key(false) {
			switch string(key) {
			case "update_id":
				u.UpdateID = r.int()
			case "message":
				u.Message = r.message(0)
			case "callback_query":
				u.CallbackQuery = r.callback()
			case "inline_query":
				u.InlineQuery = r.inline()
			default:
				// Kinds the bot does not ask for (allowedUpdates) come
				// with their update_id only, and are ignored as before.
				r.other(key, updateKeys)
			}
		}
	}
	if r.bad {
		return nil, errAnswer
	}
	return u, nil
}

func (r *reader) message(depth int) *tgbotapi.Message {
	if r.null() {
		return nil
	}
	if depth > maxNesting {
		r.fail()
		return nil
	}
	m := new(tgbotapi.Message)
	if !r.object() {
		return nil
	}
	for key, ok := r.key(true); ok; key, ok = r.key(false) {
		switch string(key) {
		case "message_id":
			m.MessageID = r.int()
		case "from":
			m.From = r.user()
		case "chat":
			m.Chat = r.chat()
		case "text":
			m.Text = r.string()
		case "caption":
			// Read like text: a photo may say what is going on.
			m.Caption = r.string()
		case "reply_markup":
			m.ReplyMarkup = r.keyboard()
		case "reply_to_message":
			m.ReplyToMessage = r.message(depth + 1)
		case "new_chat_members":
			if !r.null() && r.array() {
				for first := true; r.more(first); first = false {
					if u := r.user(); u != nil {
						m.NewChatMembers = append(m.NewChatMembers, *u)
					}
				}
			}
		// What a person sends that is not text: the bot only needs to
		// know that it came (see messageInput).
		case "photo":
			if !r.null() {
				m.Photo = []tgbotapi.PhotoSize{}
				r.skip()
			}
		case "sticker", "voice", "audio", "video", "video_note", "animation", "document",
			"contact", "location", "venue", "poll", "dice", "game":
			if !r.null() {
				media(m, string(key))
				r.skip()
			}
		default:
			r.other(key, messageKeys)
		}
	}
	return m
}

// media marks that a message carries the kind of media named by key.
func media(m *tgbotapi.Message, key string) {
	switch key {
	case "sticker":
		m.Sticker = &tgbotapi.Sticker{}
	case "voice":
		m.Voice = &tgbotapi.Voice{}
	case "audio":
		m.Audio = &tgbotapi.Audio{}
	case "video":
		m.Video = &tgbotapi.Video{}
	case "video_note":
		m.VideoNote = &tgbotapi.VideoNote{}
	case "animation":
		m.Animation = &tgbotapi.Animation{}
	case "document":
		m.Document = &tgbotapi.Document{}
	case "contact":
		m.Contact = &tgbotapi.Contact{}
	case "location":
		m.Location = &tgbotapi.Location{}
	case "venue":
		m.Venue = &tgbotapi.Venue{}
	case "poll":
		m.Poll = &tgbotapi.Poll{}
	case "dice":
		m.Dice = &tgbotapi.Dice{}
	case "game":
		m.Game = &tgbotapi.Game{}
	}
}

func (r *reader) user() *tgbotapi.User {
	if r.null() || !r.object() {
		return nil
	}
	u := new(tgbotapi.User)
	for key, ok := r.key(true); ok; key, ok = r.key(false) {
		switch string(key) {
		case "id":
			u.ID = r.int64()
		case "language_code":
			u.LanguageCode = r.string()
		case "username":
			u.UserName = r.string()
		case "is_bot":
			u.IsBot = r.bool()
		default:
			r.other(key, userKeys)
		}
	}
	return u
}

func (r *reader) chat() *tgbotapi.Chat {
	if r.null() || !r.object() {
		return nil
	}
	c := new(tgbotapi.Chat)
	for key, ok := r.key(true); ok; key, ok = r.key(false) {
		switch string(key) {
		case "id":
			c.ID = r.int64()
		case "type":
			c.Type = r.string()
		default:
			r.other(key, chatKeys)
		}
	}
	return c
}

func (r *reader) callback() *tgbotapi.CallbackQuery {
	if r.null() || !r.object() {
		return nil
	}
	q := new(tgbotapi.CallbackQuery)
	for key, ok := r.key(true); ok; key, ok = r.key(false) {
		switch string(key) {
		case "id":
			q.ID = r.string()
		case "from":
			q.From = r.user()
		case "message":
			q.Message = r.message(0)
		case "data":
			q.Data = r.string()
		default:
			r.other(key, callbackKeys)
		}
	}
	return q
}

func (r *reader) inline() *tgbotapi.InlineQuery {
	if r.null() || !r.object() {
		return nil
	}
	q := new(tgbotapi.InlineQuery)
	for key, ok := r.key(true); ok; key, ok = r.key(false) {
		switch string(key) {
		case "id":
			q.ID = r.string()
		case "from":
			q.From = r.user()
		case "query":
			q.Query = r.string()
		default:
			r.other(key, inlineKeys)
		}
	}
	return q
}

// keyboard reads an inline keyboard: rows of buttons with a label and the
// data the press sends back.
func (r *reader) keyboard() *tgbotapi.InlineKeyboardMarkup {
	if r.null() || !r.object() {
		return nil
	}
	kb := new(tgbotapi.InlineKeyboardMarkup)
	for key, ok := r.key(true); ok; key, ok = r.key(false) {
		if string(key) != "inline_keyboard" {
			r.other(key, keyboardKeys)
			continue
		}
		if r.null() || !r.array() {
			continue
		}
		for first := true; r.more(first); first = false {
			var row []tgbotapi.InlineKeyboardButton
			if !r.null() && r.array() {
				for first := true; r.more(first); first = false {
					row = append(row, r.button())
				}
			}
			kb.InlineKeyboard = append(kb.InlineKeyboard, row)
		}
	}
	return kb
}

func (r *reader) button() tgbotapi.InlineKeyboardButton {
	var btn tgbotapi.InlineKeyboardButton
	if r.null() || !r.object() {
		return btn
	}
	for key, ok := r.key(true); ok; key, ok = r.key(false) {
		switch string(key) {
		case "text":
			btn.Text = r.string()
		case "callback_data":
			if r.null() {
				continue
			}
			d := r.string()
			btn.CallbackData = &d
		default:
			r.other(key, buttonKeys)
		}
	}
	return btn
}

// The keys each reader takes, as encoding/json would match them.
var (
	updateKeys   = []string{"update_id", "message", "callback_query", "inline_query"}
	messageKeys  = []string{"message_id", "from", "chat", "text", "caption", "reply_markup", "reply_to_message", "new_chat_members", "photo", "sticker", "voice", "audio", "video", "video_note", "animation", "document", "contact", "location", "venue", "poll", "dice", "game"}
	userKeys     = []string{"id", "language_code", "username", "is_bot"}
	chatKeys     = []string{"id", "type"}
	callbackKeys = []string{"id", "from", "message", "data"}
	inlineKeys   = []string{"id", "from", "query"}
	keyboardKeys = []string{"inline_keyboard"}
	buttonKeys   = []string{"text", "callback_data"}
)

// jsonString decodes a JSON string as encoding/json does: escapes
// resolved, invalid UTF-8 and lone surrogates replaced by U+FFFD.
func jsonString(v []byte) (string, error) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", errAnswer
	}
	s := v[1 : len(v)-1]
	// Most strings have nothing to resolve: they are copied as they are.
	r := 0
	for r < len(s) {
		c := s[r]
		if c == '\\' || c == '"' || c < ' ' {
			break
		}
		if c < utf8.RuneSelf {
			r++
			continue
		}
		rr, size := utf8.DecodeRune(s[r:])
		if rr == utf8.RuneError && size == 1 {
			break
		}
		r += size
	}
	if r == len(s) {
		return string(s), nil
	}
	b := make([]byte, 0, len(s)+2*utf8.UTFMax)
	b = append(b, s[:r]...)
	for r < len(s) {
		c := s[r]
		switch {
		case c == '\\':
			r++
			if r >= len(s) {
				return "", errAnswer
			}
			switch s[r] {
			case '"', '\\', '/', '\'':
				b = append(b, s[r])
				r++
			case 'b':
				b = append(b, '\b')
				r++
			case 'f':
				b = append(b, '\f')
				r++
			case 'n':
				b = append(b, '\n')
				r++
			case 'r':
				b = append(b, '\r')
				r++
			case 't':
				b = append(b, '\t')
				r++
			case 'u':
				rr := hex4(s[r+1:])
				if rr < 0 {
					return "", errAnswer
				}
				r += 5
				if utf16.IsSurrogate(rr) {
					if r+1 < len(s) && s[r] == '\\' && s[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, hex4(s[r+2:])); dec != unicode.ReplacementChar {
							b = utf8.AppendRune(b, dec)
							r += 6
							break
						}
					}
					rr = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, rr)
			default:
				return "", errAnswer
			}
		case c == '"' || c < ' ':
			return "", errAnswer
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			r += size
			b = utf8.AppendRune(b, rr)
		}
	}
	return string(b), nil
}

// hex4 reads four hexadecimal digits, or returns -1.
func hex4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
