package tgtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// call makes one Bot API call through the in-process transport and
// returns the status and the decoded answer.
func call(t *testing.T, s *Server, method string, params url.Values) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, "http://bot-api.invalid/bot"+Token+"/"+method, strings.NewReader(params.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := (&http.Client{Transport: s.Transport()}).Do(req)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("%s answered no JSON: %v", method, err)
	}
	return resp.StatusCode, body
}

func send(t *testing.T, s *Server, chat int64, text string) int {
	t.Helper()
	code, body := call(t, s, "sendMessage", url.Values{"chat_id": {strconv.FormatInt(chat, 10)}, "text": {text}})
	if code != http.StatusOK {
		t.Fatalf("sendMessage(%q) = %d %v, want 200", text, code, body)
	}
	return int(body["result"].(map[string]any)["message_id"].(float64))
}

// TestTransport checks that the in-process transport answers as the
// server on loopback does: the token checked, messages kept, calls
// recorded and counted.
func TestTransport(t *testing.T) {
	s := New(t)
	u := User{ID: 42, FirstName: "A"}
	s.SendText(PrivateChat(u), u, "/start")
	id := send(t, s, u.ID, "hallo")
	if got := s.BotMessages(u.ID); len(got) != 1 || got[0].ID != id || got[0].Text != "hallo" {
		t.Errorf("BotMessages(42) = %+v, want one message %d saying hallo", got, id)
	}
	if code, _ := call(t, s, "sendMessage", url.Values{"chat_id": {"7"}, "text": {"x"}}); code != http.StatusBadRequest {
		t.Errorf("sendMessage to an unknown chat = %d, want 400", code)
	}
	if got, want := s.Counts(), (Counts{Calls: 2, Refused: 1}); got != want {
		t.Errorf("Counts() = %+v, want %+v", got, want)
	}
	if n := len(s.Calls("sendMessage")); n != 2 {
		t.Errorf("Calls(sendMessage) = %d calls, want 2", n)
	}
	if n := s.BotWrites(u.ID); n != 1 {
		t.Errorf("BotWrites(42) = %d, want 1", n)
	}
}

// TestEditNotModified: an edit that changes neither the text nor the
// buttons is refused as Telegram refuses it ("message is not modified"),
// which the bot must take as done; an edit that changes either is made.
func TestEditNotModified(t *testing.T) {
	s := New(t)
	u := User{ID: 42, FirstName: "A"}
	s.SendText(PrivateChat(u), u, "/start")
	kb := `{"inline_keyboard":[[{"text":"Ja","callback_data":"a/yes"}]]}`
	code, body := call(t, s, "sendMessage", url.Values{"chat_id": {"42"}, "text": {"vraag"}, "reply_markup": {kb}})
	if code != http.StatusOK {
		t.Fatalf("sendMessage = %d %v, want 200", code, body)
	}
	id := strconv.Itoa(int(body["result"].(map[string]any)["message_id"].(float64)))
	other := `{"inline_keyboard":[[{"text":"Nee","callback_data":"a/no"}]]}`
	for _, tc := range []struct {
		name   string
		params url.Values
		want   int
	}{
		{"same text and buttons", url.Values{"text": {"vraag"}, "reply_markup": {kb}}, http.StatusBadRequest},
		{"other buttons", url.Values{"text": {"vraag"}, "reply_markup": {other}}, http.StatusOK},
		{"the same again", url.Values{"text": {"vraag"}, "reply_markup": {other}}, http.StatusBadRequest},
		{"other text", url.Values{"text": {"andere vraag"}, "reply_markup": {other}}, http.StatusOK},
		{"buttons taken away", url.Values{"text": {"andere vraag"}}, http.StatusOK},
	} {
		tc.params.Set("chat_id", "42")
		tc.params.Set("message_id", id)
		code, body := call(t, s, "editMessageText", tc.params)
		if code != tc.want {
			t.Errorf("%s: editMessageText = %d %v, want %d", tc.name, code, body, tc.want)
		}
		if code == http.StatusBadRequest && !strings.Contains(body["description"].(string), "message is not modified") {
			t.Errorf("%s: refused with %q, want \"message is not modified\"", tc.name, body["description"])
		}
	}
}

// TestKeepMessages checks that a server keeping few messages lets the
// oldest go, and that a message let go is still pressed, edited and
// deleted as on Telegram, where it stays.
func TestKeepMessages(t *testing.T) {
	s := Start(Options{Messages: 2, NoCalls: true})
	defer s.Close()
	u := User{ID: 42, FirstName: "A"}
	c := PrivateChat(u)
	s.SendText(c, u, "/start") // id 1
	first := send(t, s, u.ID, "een")
	send(t, s, u.ID, "twee")
	send(t, s, u.ID, "drie")
	if got := s.Messages(u.ID); len(got) != 2 || got[0].Text != "twee" || got[1].Text != "drie" {
		t.Fatalf("Messages(42) = %+v, want the last two", got)
	}

	_, body := s.PressUpdate(c, u, first, "x")
	var upd struct {
		CallbackQuery struct {
			Message *struct {
				ID   int   `json:"message_id"`
				Date int64 `json:"date"`
				Chat Chat  `json:"chat"`
			} `json:"message"`
		} `json:"callback_query"`
	}
	if err := json.Unmarshal(body, &upd); err != nil {
		t.Fatal(err)
	}
	if m := upd.CallbackQuery.Message; m == nil || m.ID != first || m.Date != 0 || m.Chat.ID != u.ID {
		t.Errorf("PressUpdate on a message let go = %s, want it as an inaccessible message %d of chat 42 with date 0", body, first)
	}

	for _, tc := range []struct {
		method string
		params url.Values
	}{
		{"editMessageText", url.Values{"text": {"een, anders"}}},
		{"deleteMessage", url.Values{}},
	} {
		t.Run(tc.method, func(t *testing.T) {
			tc.params.Set("chat_id", "42")
			tc.params.Set("message_id", strconv.Itoa(first))
			if code, body := call(t, s, tc.method, tc.params); code != http.StatusOK {
				t.Errorf("%s of a message let go = %d %v, want 200", tc.method, code, body)
			}
		})
	}
	if code, _ := call(t, s, "editMessageText", url.Values{"chat_id": {"42"}, "message_id": {"99"}, "text": {"x"}}); code != http.StatusBadRequest {
		t.Errorf("editMessageText of a message never sent = %d, want 400", code)
	}
	if n := len(s.Calls("")); n != 0 {
		t.Errorf("Calls() = %d calls with NoCalls, want none", n)
	}
	if got := s.Counts(); got.Calls != 6 || got.Refused != 1 {
		t.Errorf("Counts() = %+v, want 6 calls, 1 refused", got)
	}
}

// TestFaultEvery checks that faults with Every apply to every n-th call
// they match, the one added first when two fall on one call.
func TestFaultEvery(t *testing.T) {
	s := New(t)
	u := User{ID: 42, FirstName: "A"}
	s.SendText(PrivateChat(u), u, "/start")
	s.Inject(Fault{Method: "sendMessage", Code: http.StatusTooManyRequests, RetryAfter: 1, Every: 4})
	s.Inject(Fault{Method: "sendMessage", Code: http.StatusBadGateway, Every: 2})
	var got []int
	for range 8 {
		code, _ := call(t, s, "sendMessage", url.Values{"chat_id": {"42"}, "text": {"x"}})
		got = append(got, code)
	}
	want := []int{200, 502, 200, 429, 200, 502, 200, 429}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sendMessage codes = %v, want %v", got, want)
		}
	}
	if n := s.Counts(); n.Faults != 4 || n.Refused != 0 {
		t.Errorf("Counts() = %+v, want 4 faults, none refused", n)
	}
}

// TestHeldCalls checks that a call a fault's Hold keeps waiting is
// reported, with its method and parameters, only while it waits.
func TestHeldCalls(t *testing.T) {
	s := New(t)
	u := User{ID: 42, FirstName: "A"}
	s.SendText(PrivateChat(u), u, "/start")
	hold := make(chan struct{})
	s.Inject(Fault{Method: "sendMessage", Hold: hold})
	// The call is made beside the test, which may not fail from there.
	done := make(chan error, 1)
	go func() {
		resp, err := (&http.Client{Transport: s.Transport()}).PostForm("http://bot-api.invalid/bot"+Token+"/sendMessage", url.Values{"chat_id": {"42"}, "text": {"vast"}})
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	s.Await(t, 5*time.Second, "the message to be held", func() bool { return s.Held() == 1 })
	for _, tc := range []struct {
		method string
		want   []string // the texts of the calls held
	}{
		{"", []string{"vast"}},
		{"sendMessage", []string{"vast"}},
		{"editMessageText", nil},
	} {
		t.Run("method="+tc.method, func(t *testing.T) {
			var got []string
			for _, c := range s.HeldCalls(tc.method) {
				got = append(got, c.Params.Get("text"))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("HeldCalls(%q) texts = %q, want %q", tc.method, got, tc.want)
			}
		})
	}
	close(hold)
	if err := <-done; err != nil {
		t.Fatalf("sendMessage held: %v", err)
	}
	if got := s.HeldCalls(""); len(got) != 0 || s.Held() != 0 {
		t.Errorf("after the hold ends, HeldCalls(\"\") = %d calls and Held() = %d, want none", len(got), s.Held())
	}
}

// TestLimits checks that a server with Limits answers a message over
// Telegram's limits with 429 and the whole seconds to wait, spends nothing
// on a refused message, and lets other calls through, on a clock moved by
// hand.
func TestLimits(t *testing.T) {
	type step struct {
		advance time.Duration // the clock moves on first
		method  string
		chat    int64
		want    int // status
		after   int // retry_after of a 429
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"a chat's burst, then one a second", []step{
			{0, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 429, 1},
			{999 * time.Millisecond, "sendMessage", 1, 429, 1},
			{time.Millisecond, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 429, 1},
		}},
		{"an edit counts as a message", []step{
			{0, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 200, 0},
			{0, "editMessageText", 1, 200, 0},
			{0, "editMessageText", 1, 429, 1},
		}},
		{"answering a callback query does not count", []step{
			{0, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 200, 0},
			{0, "answerCallbackQuery", 1, 200, 0},
			{0, "sendMessage", 2, 200, 0},
		}},
		{"a chat over its limit leaves the others alone", []step{
			{0, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 200, 0},
			{0, "sendMessage", 1, 429, 1},
			{0, "sendMessage", 2, 200, 0},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
			s := Start(Options{Limits: &Limits{Rate: 30, Burst: 30, ChatRate: 1, ChatBurst: 3, Now: func() time.Time { return now }}})
			t.Cleanup(s.Close)
			for _, id := range []int64{1, 2} {
				u := User{ID: id, FirstName: "A"}
				s.SendText(PrivateChat(u), u, "/start")
			}
			limited := int64(0)
			for i, st := range tc.steps {
				now = now.Add(st.advance)
				p := url.Values{"chat_id": {strconv.FormatInt(st.chat, 10)}, "text": {"x" + strconv.Itoa(i)}}
				switch st.method {
				case "editMessageText":
					p.Set("message_id", strconv.Itoa(msgOf(t, s, st.chat)))
				case "answerCallbackQuery":
					p = url.Values{"callback_query_id": {s.Press(PrivateChat(User{ID: st.chat}), User{ID: st.chat}, 1, "x")}}
				}
				code, body := call(t, s, st.method, p)
				if code != st.want {
					t.Fatalf("step %d: %s(chat %d) = %d %v, want %d", i, st.method, st.chat, code, body, st.want)
				}
				if code == http.StatusTooManyRequests {
					limited++
					params, _ := body["parameters"].(map[string]any)
					if got, _ := params["retry_after"].(float64); int(got) != st.after {
						t.Errorf("step %d: %s(chat %d) retry_after = %v, want %d", i, st.method, st.chat, params["retry_after"], st.after)
					}
				}
			}
			if got := s.Counts().Limited; got != limited {
				t.Errorf("Counts().Limited = %d, want %d", got, limited)
			}
		})
	}

	t.Run("thirty a second overall", func(t *testing.T) {
		now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
		limits := TelegramLimits()
		limits.Now = func() time.Time { return now }
		s := Start(Options{Limits: limits})
		t.Cleanup(s.Close)
		for id := int64(1); id <= 40; id++ {
			u := User{ID: id, FirstName: "A"}
			s.SendText(PrivateChat(u), u, "/start")
		}
		ok := 0
		for id := int64(1); id <= 40; id++ {
			if code, _ := call(t, s, "sendMessage", url.Values{"chat_id": {strconv.FormatInt(id, 10)}, "text": {"welkom"}}); code == http.StatusOK {
				ok++
			}
		}
		if ok != 30 {
			t.Errorf("sendMessage to 40 chats at one instant: %d sent, want 30", ok)
		}
		now = now.Add(time.Second / 3) // ten more tokens
		ok = 0
		for id := int64(31); id <= 40; id++ {
			if code, _ := call(t, s, "sendMessage", url.Values{"chat_id": {strconv.FormatInt(id, 10)}, "text": {"welkom"}}); code == http.StatusOK {
				ok++
			}
		}
		if ok != 10 {
			t.Errorf("sendMessage to the 10 refused chats a third of a second later: %d sent, want 10", ok)
		}
		if got := s.Counts().Limited; got != 10 {
			t.Errorf("Counts().Limited = %d, want 10", got)
		}
	})
}

// msgOf returns the id of the bot's last message in chat.
func msgOf(t *testing.T, s *Server, chat int64) int {
	t.Helper()
	m := s.BotMessages(chat)
	if len(m) == 0 {
		t.Fatalf("no bot message in chat %d", chat)
	}
	return m[len(m)-1].ID
}
