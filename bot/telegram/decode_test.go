package telegram

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/flows"
)

// used renders what the channel reads of an update, so that two ways of
// decoding one can be compared.
func used(u *tgbotapi.Update) string {
	var b strings.Builder
	fmt.Fprintf(&b, "update %d\n", u.UpdateID)
	var msg func(prefix string, m *tgbotapi.Message, depth int)
	user := func(prefix string, u *tgbotapi.User) {
		if u != nil {
			fmt.Fprintf(&b, "%s user %d %q %q bot=%v\n", prefix, u.ID, u.UserName, u.LanguageCode, u.IsBot)
		}
	}
	msg = func(prefix string, m *tgbotapi.Message, depth int) {
		if m == nil || depth > 4 {
			return
		}
		fmt.Fprintf(&b, "%s message %d %q\n", prefix, m.MessageID, m.Text)
		user(prefix+" from", m.From)
		if m.Chat != nil {
			fmt.Fprintf(&b, "%s chat %d %q\n", prefix, m.Chat.ID, m.Chat.Type)
		}
		in, ok := messageInput(m)
		fmt.Fprintf(&b, "%s input %v %q %v\n", prefix, in.Kind, in.Data, ok)
		for _, nm := range m.NewChatMembers {
			user(prefix+" joined", &nm)
		}
		if m.ReplyMarkup != nil {
			for _, row := range m.ReplyMarkup.InlineKeyboard {
				for _, btn := range row {
					d := "<nil>"
					if btn.CallbackData != nil {
						d = *btn.CallbackData
					}
					fmt.Fprintf(&b, "%s button %q %q\n", prefix, btn.Text, d)
				}
				fmt.Fprintf(&b, "%s row\n", prefix)
			}
		}
		msg(prefix+" reply to", m.ReplyToMessage, depth+1)
	}
	msg("", u.Message, 0)
	if q := u.CallbackQuery; q != nil {
		fmt.Fprintf(&b, "press %q %q\n", q.ID, q.Data)
		user("press from", q.From)
		msg("press on", q.Message, 0)
	}
	if q := u.InlineQuery; q != nil {
		fmt.Fprintf(&b, "inline %q %q\n", q.ID, q.Query)
		user("inline from", q.From)
	}
	return b.String()
}

var updateSamples = []struct{ name, body string }{
	{"text", `{"update_id":900000001,"message":{"message_id":7,"from":{"id":987650001,"is_bot":false,"first_name":"Alice","username":"alice","language_code":"nl"},"chat":{"id":987650001,"first_name":"Alice","type":"private"},"date":1700000000,"text":"Hallo, ik zoek hulp"}}`},
	{"escapes and emoji", `{"update_id":2,"message":{"message_id":8,"from":{"id":5},"chat":{"id":5,"type":"private"},"date":1,"text":"\"aan\"\\\/\b\f\n\r\t \u00e9 \ud83d\ude00 \ud83d é 😀 \ud83dx"}}`},
	{"escaped invalid utf-8 lone", `{"update_id":2,"message":{"message_id":8,"chat":{"id":5,"type":"private"},"text":"a\udc00b\ud800\u0041"}}`},
	{"invalid utf-8", "{\"update_id\":2,\"message\":{\"message_id\":8,\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"a\xffb\xc3\"}}"},
	{"command", `{"update_id":3,"message":{"message_id":9,"chat":{"id":5,"type":"private"},"text":"/start jong","entities":[{"type":"bot_command","offset":0,"length":6}]}}`},
	{"press", `{"update_id":4,"callback_query":{"id":"4382","from":{"id":5,"is_bot":false,"first_name":"A","language_code":"en-GB"},"message":{"message_id":10,"from":{"id":1,"is_bot":true,"first_name":"Signaal","username":"signaal_bot"},"chat":{"id":5,"type":"private"},"date":1,"text":"Is dit een veilig moment?","reply_markup":{"inline_keyboard":[[{"text":"Ja","callback_data":"start/safe/yes"}],[{"text":"112 Noodhulp","callback_data":"!sos"},{"text":"Snel weg","callback_data":"!exit"}],[{"text":"Site","url":"https://example.org"}]]}},"chat_instance":"-1","data":"start/safe/yes"}}`},
	{"press on an inline message", `{"update_id":5,"callback_query":{"id":"1","from":{"id":5},"inline_message_id":"AAA","chat_instance":"1","data":"x"}}`},
	{"inline query", `{"update_id":6,"inline_query":{"id":"77","from":{"id":5,"language_code":"de"},"query":"keerpunt","offset":""}}`},
	{"sticker", `{"update_id":7,"message":{"message_id":11,"chat":{"id":5,"type":"private"},"sticker":{"file_id":"f","file_unique_id":"u","width":512,"height":512,"is_animated":false}}}`},
	{"photo", `{"update_id":8,"message":{"message_id":12,"chat":{"id":5,"type":"private"},"photo":[{"file_id":"f","file_unique_id":"u","width":90,"height":90}],"caption":"kijk"}}`},
	{"every media", `{"update_id":8,"message":{"message_id":12,"chat":{"id":5,"type":"private"},"voice":{},"audio":{},"video":{},"video_note":{},"animation":{},"document":{},"contact":{},"location":{},"venue":{},"poll":{},"dice":{},"game":{}}}`},
	{"media null", `{"update_id":8,"message":{"message_id":12,"chat":{"id":5,"type":"private"},"photo":null,"sticker":null,"text":"t"}}`},
	{"group", `{"update_id":9,"message":{"message_id":13,"from":{"id":6},"chat":{"id":-1001234567890,"title":"Klas","type":"supergroup"},"new_chat_members":[{"id":1,"is_bot":true,"username":"signaal_bot"},{"id":2}]}}`},
	{"reply", `{"update_id":10,"message":{"message_id":14,"chat":{"id":-5,"type":"group"},"text":"@signaal_bot hoi","reply_to_message":{"message_id":3,"from":{"id":1,"is_bot":true},"chat":{"id":-5,"type":"group"},"reply_to_message":{"message_id":1}}}}`},
	{"edited message", `{"update_id":11,"edited_message":{"message_id":1,"chat":{"id":5,"type":"private"},"text":"x"}}`},
	{"spaces", " {\n \"update_id\" : 12 ,\t\"message\" : { \"message_id\" : 1 , \"chat\" : { \"id\" : 5 , \"type\" : \"private\" } , \"text\" : \"x\" } } "},
	{"nulls", `{"update_id":13,"message":null,"callback_query":null}`},
	{"empty object", `{}`},
	{"escaped key", `{"update_id":14,"message":{"message_id":1,"chat":{"id":5,"type":"private"},"te\u0078t":"hidden"}}`},
}

// TestDecodeUpdate checks what the channel reads of updates as Telegram
// sends them: the input a message gives the engine, a press's data, and
// the language of the person's device.
func TestDecodeUpdate(t *testing.T) {
	t.Parallel()
	want := map[string][]string{
		"text":                       {`message 7 "Hallo, ik zoek hulp"`, `from user 987650001 "alice" "nl" bot=false`, `chat 987650001 "private"`, `input 0 "Hallo, ik zoek hulp" true`},
		"escapes and emoji":          {fmt.Sprintf("input 0 %q true", "\"aan\"\\/\b\f\n\r\t é 😀 \ufffd é 😀 \ufffdx")},
		"command":                    {`input 0 "/start jong" true`},
		"press":                      {`press "4382" "start/safe/yes"`, `press from user 5 "" "en-GB" bot=false`, `press on button "112 Noodhulp" "!sos"`, `press on button "Site" "<nil>"`},
		"press on an inline message": {`press "1" "x"`},
		"inline query":               {`inline "77" "keerpunt"`, `inline from user 5 "" "de" bot=false`},
		"sticker":                    {`input 2 "" true`},
		"photo":                      {`input 0 "kijk" true`},
		"every media":                {`input 2 "" true`},
		"media null":                 {`input 0 "t" true`},
		"group":                      {`chat -1001234567890 "supergroup"`, `joined user 1 "signaal_bot" "" bot=true`, `input 0 "" false`},
		"reply":                      {`reply to from user 1 "" "" bot=true`, `reply to reply to message 1 ""`},
		"edited message":             {"update 11\n"},
		"escaped key":                {`input 0 "hidden" true`},
	}
	for _, tt := range updateSamples {
		t.Run(tt.name, func(t *testing.T) {
			u, err := decodeUpdate(strings.NewReader(tt.body))
			if err != nil {
				t.Fatalf("decodeUpdate error = %v", err)
			}
			got := used(u)
			for _, w := range want[tt.name] {
				if !strings.Contains(got, w) {
					t.Errorf("decodeUpdate(%s) reads\n%s\nwithout %s", tt.name, got, w)
				}
			}
		})
	}
}

// TestDecodeUpdateErrors checks that a body that is no update fails as it
// did, with the same class of problem for the log.
func TestDecodeUpdateErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, body, class string }{
		{"id too big", `{"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 98765000100000000000001, "type": "private"}}}`, "type"},
		{"update id with junk", `{"update_id": 98765000100000000000001x}`, "syntax"},
		{"syntax", `{"update_id": 987650001, "message": oops}`, "syntax"},
		{"bad escape", `{"update_id": 2, "message": {"text": "\u12 "}}`, "syntax"},
		{"text a number", `{"update_id": 1, "message": {"message_id": 1, "text": 5}}`, "type"},
		{"empty", ``, "empty"},
		{"truncated", `{"update_id": 987650001, "message": {`, "truncated"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeUpdate(strings.NewReader(tt.body))
			if err == nil {
				t.Fatalf("decodeUpdate(%s) succeeded", tt.body)
			}
			if class, _ := decodeProblem(err); class != tt.class {
				t.Errorf("decodeProblem(%v) = %q, want %q", err, class, tt.class)
			}
		})
	}
}

// FuzzDecodeUpdate: whatever a webhook body holds, reading it and turning
// it into the engine's input never panics, and the text the engine gets
// is never longer than it reads.
func FuzzDecodeUpdate(f *testing.F) {
	for _, tt := range updateSamples {
		f.Add([]byte(tt.body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		u, err := decodeUpdate(bytes.NewReader(body))
		if err != nil {
			if class, _ := decodeProblem(err); class == "" {
				t.Fatalf("decodeProblem(%v) gives no class", err)
			}
			return
		}
		for _, m := range []*tgbotapi.Message{u.Message, u.EditedMessage} {
			if m == nil {
				continue
			}
			if in, ok := messageInput(m); ok && len(in.Data) > flows.MaxInputText {
				t.Fatalf("messageInput gives %d bytes, more than %d", len(in.Data), flows.MaxInputText)
			}
		}
		used(u)
	})
}

func BenchmarkDecodeUpdate(b *testing.B) {
	body := []byte(updateSamples[5].body) // a press, the commonest update
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeUpdate(bytes.NewReader(body)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDecodeUpdateTooLarge checks that a webhook body over the limit is
// refused as too large, however valid the JSON it starts with.
func TestDecodeUpdateTooLarge(t *testing.T) {
	t.Parallel()
	body := `{"update_id": 1, "message": {"message_id": 1, "text": "` + strings.Repeat("a", maxWebhookBody) + `"}}`
	_, err := decodeUpdate(http.MaxBytesReader(nil, io.NopCloser(strings.NewReader(body)), maxWebhookBody))
	if class, _ := decodeProblem(err); class != "too large" {
		t.Errorf("decodeProblem(%v) = %q, want %q", err, class, "too large")
	}
}
