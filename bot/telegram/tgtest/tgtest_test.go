package tgtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
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
