package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/bot/telegram/tgtest"
	"signaal/content"
	"signaal/flows"
	"signaal/internal/syncbuf"
)

func TestOutside(t *testing.T) {
	t.Parallel()
	const token = "4242:AAsecret-token-value-x"
	echo := "Bad Request: /bot" + token + "/sendMessage chat_id=987650001"

	apiErr := outside("sendMessage", &tgbotapi.Error{Code: 400, Message: echo})
	var te *tgbotapi.Error
	if !errors.As(apiErr, &te) || te.Code != 400 {
		t.Fatalf("outside(Bot API error) = %v, want it to keep the *tgbotapi.Error with code 400", apiErr)
	}
	transport := outside("sendMessage", &url.Error{Op: "Post", URL: "https://api.telegram.org/bot" + token + "/sendMessage", Err: fmt.Errorf("proxy refused %s", echo)})
	canceled := outside("getUpdates", fmt.Errorf("read: %w", context.Canceled))
	if !errors.Is(canceled, context.Canceled) {
		t.Errorf("outside(canceled) = %v, want errors.Is context.Canceled", canceled)
	}
	for _, err := range []error{apiErr, transport, canceled} {
		msg := err.Error()
		for errors.Unwrap(err) != nil {
			err = errors.Unwrap(err)
			msg += " | " + err.Error() // what anyone unwrapping could print
		}
		if strings.Contains(msg, "AAsecret") || strings.Contains(msg, "987650001") {
			t.Errorf("outside(...) = %q, want no token and no id anywhere in the chain", msg)
		}
	}
	if again := outside("other", apiErr); again != apiErr {
		t.Errorf("outside of an outside error = %v, want the same error", again)
	}
}

func TestDecodeProblem(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body, class string
	}{
		{"number too big for an id", `{"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 98765000100000000000001, "type": "private"}}}`, "type"},
		{"syntax", `{"update_id": 987650001, "message": oops}`, "syntax"},
		{"empty", ``, "empty"},
		{"truncated", `{"update_id": 987650001, "message": {`, "truncated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var u tgbotapi.Update
			err := json.NewDecoder(strings.NewReader(tc.body)).Decode(&u)
			if err == nil {
				t.Fatalf("Decode(%s) succeeded", tc.name)
			}
			if class, _ := decodeProblem(err); class != tc.class {
				t.Errorf("decodeProblem(%v) = %q, want %q", err, class, tc.class)
			}
		})
	}
}

func TestRollup(t *testing.T) {
	t.Parallel()
	var buf syncbuf.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	r := newRollup(func() *slog.Logger { return log }, slog.LevelWarn, "refused", time.Hour)
	for range 1000 {
		r.add("requests")
	}
	r.add("other")
	r.flush()
	r.flush() // nothing new: no line
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("1001 events in one interval wrote %d lines, want 2 (the first at once, the rest at flush):\n%s", len(lines), buf.String())
	}
	total := 0
	for _, line := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"requests", "other"} {
			if n, ok := m[k].(float64); ok {
				total += int(n)
			}
		}
	}
	if total != 1001 {
		t.Errorf("counts in the lines add up to %d, want 1001", total)
	}
}

// TestWebhookLogs sends the webhook what strangers and broken bodies send:
// thousands of requests without the secret cost a line or two, not a line
// each, and a body that cannot be decoded is described without its
// values.
func TestWebhookLogs(t *testing.T) {
	t.Parallel()
	h := start(t, hooking, testContent(t))
	hook, secret := h.srv.Webhook()
	const strangers = 5000
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	defer client.CloseIdleConnections()
	var wg sync.WaitGroup
	var refused atomic.Int64
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < strangers; i += 8 {
				req, _ := http.NewRequest(http.MethodPost, hook, strings.NewReader(`{}`))
				req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "guess-"+strconv.Itoa(i))
				resp, err := client.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusUnauthorized {
					refused.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if n := refused.Load(); n != strangers {
		t.Errorf("%d of %d requests without the secret refused, want all", n, strangers)
	}

	// Bodies that repeat a chat id in what a decoder would quote.
	const id = "98765000100000000000001"
	for _, body := range []string{
		`{"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": ` + id + `, "type": "private"}}}`,
		`{"update_id": ` + id + `x}`,
	} {
		req, _ := http.NewRequest(http.MethodPost, hook, strings.NewReader(body))
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("webhook with an unreadable body = %d, want 400", resp.StatusCode)
		}
	}
	h.stop()

	lines, total := 0, 0
	for _, m := range h.logLines() {
		if m["msg"] == h.bot.strangers.msg {
			lines++
			n, _ := m["requests"].(float64)
			total += int(n)
		}
	}
	t.Logf("%d requests without the secret: %d log lines, %d bytes of log in all", strangers, lines, len(h.logs.String()))
	if lines == 0 || lines > 2 || total != strangers {
		t.Errorf("refused requests logged in %d lines counting %d, want 1 or 2 lines counting %d", lines, total, strangers)
	}
	logs := h.logs.String()
	if strings.Contains(logs, "98765000") || strings.Contains(logs, "guess-") {
		t.Errorf("logs repeat what a request carried:\n%s", logs)
	}
	if !strings.Contains(logs, `"problem":"type"`) || !strings.Contains(logs, `"problem":"syntax"`) {
		t.Errorf("logs do not describe the unreadable bodies by class:\n%s", logs)
	}
}

// echoTransport fails requests the way a proxy in a bad mood does: with an
// error that repeats the URL (token and all), the chat id and the text.
type echoTransport struct {
	base http.RoundTripper
	fail atomic.Int32 // how many sendMessage requests still fail
}

func (e *echoTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.URL.Path, "/sendMessage") && e.fail.Add(-1) >= 0 {
		body, _ := io.ReadAll(req.Body)
		req.Body.Close()
		return nil, fmt.Errorf("proxy refused %s %s with body %s", req.Method, req.URL, body)
	}
	return e.base.RoundTrip(req)
}

// TestCanaries makes the Bot API and the network echo the token, the
// request path, the chat id and the text in every error the bot logs, then
// checks that none of it reached the log while the failures did.
func TestCanaries(t *testing.T) {
	t.Parallel()
	echo := &echoTransport{base: http.DefaultTransport}
	h := start(t, polling, testContent(t), func(b *Bot) {
		b.Client = &http.Client{Transport: echo}
		b.MaxAttempts = 2
	})
	h.srv.Inject(tgtest.Fault{Method: "getUpdates", Code: 500, Echo: true})
	h.srv.Await(t, 5*time.Second, "the getUpdates error", func() bool { return len(h.srv.Calls("getUpdates")) > 2 })

	echo.fail.Store(2) // both attempts of the welcome
	h.text(alice, "/start")
	h.srv.Inject(tgtest.Fault{Method: "sendMessage", Code: 400, Echo: true})
	h.text(alice, "een geheim bericht") // the free-text line is refused
	h.text(alice, "nog een geheim")     // and the next one sent, with the question
	h.srv.Inject(tgtest.Fault{Method: "answerCallbackQuery", Code: 400, Echo: true})
	h.srv.Inject(tgtest.Fault{Method: "editMessageText", Code: 502, Echo: true, Times: 2})
	h.srv.Press(tgtest.PrivateChat(alice), alice, h.question(alice).ID, "start/welcome/ok") // its answer is refused
	h.settle()
	h.srv.Inject(tgtest.Fault{Method: "deleteMessages", Code: 400, Echo: true})
	h.srv.Inject(tgtest.Fault{Method: "deleteMessage", Code: 500, Echo: true, Times: 2})
	h.press(alice, h.question(alice).ID, flows.DataExit)
	h.stop() // checks the log for the token, the ids, the names and the texts

	logs := h.logs.String()
	for _, want := range []string{
		"getUpdates failed", "not delivered", "callback query not answered", "quick exit batch failed",
		// The echoes were there, reduced to their class.
		"internal server error (other)", "bad request (other)", "network error",
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q: the canary did not reach the log path it tests:\n%s", want, logs)
		}
	}
	// The refused message's text, which the 400 echoed.
	if refused := content.Cut(h.txt(content.KeyFreeText), 40); strings.Contains(logs, refused) {
		t.Errorf("logs contain the text of a message the bot sent, %q", refused)
	}
}

// TestOutsideClasses: what an outside error says is one of a known list
// of classes and the method, never the text a server made up, which may
// quote a name or what was sent.
func TestOutsideClasses(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"blocked", &tgbotapi.Error{Code: 403, Message: "Forbidden: bot was blocked by the user Alice Geheim"}, "telegram sendMessage: bot was blocked by the user"},
		{"not found", &tgbotapi.Error{Code: 400, Message: "Bad Request: message to delete not found (Alice's chat)"}, "telegram sendMessage: message to delete not found"},
		{"unknown 400", &tgbotapi.Error{Code: 400, Message: "Bad Request: the name 'Alice Geheim' is odd"}, "telegram sendMessage: bad request (other)"},
		{"unknown code", &tgbotapi.Error{Code: 0, Message: "Alice Geheim"}, "telegram sendMessage: other"},
		{"refused", &url.Error{Op: "Post", URL: "http://x/bot1:t/sendMessage", Err: &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}}, "telegram sendMessage: connection refused"},
		{"closed", &url.Error{Op: "Post", URL: "http://x", Err: io.ErrUnexpectedEOF}, "telegram sendMessage: connection closed"},
		{"other network", &url.Error{Op: "Post", URL: "http://x", Err: errors.New("proxy said: Alice Geheim")}, "telegram sendMessage: network error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := outside("sendMessage", tc.err).Error(); got != tc.want {
				t.Errorf("outside(sendMessage, %v) = %q, want %q", tc.err, got, tc.want)
			}
		})
	}
}
