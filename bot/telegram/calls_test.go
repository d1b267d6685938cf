package telegram

import (
	"maps"
	"strings"
	"testing"

	"signaal/flows"
)

// TestCallsPerUpdate counts the Bot API calls each kind of update costs,
// by method, in one conversation: what Telegram's limits are spent on.
func TestCallsPerUpdate(t *testing.T) {
	t.Parallel()
	h := start(t, polling, testContent(t))
	for _, step := range []struct {
		name string
		do   func()
		want map[string]int
	}{
		// The welcome with the privacy note in it, and its buttons.
		{"first message", func() { h.text(alice, "/start") }, map[string]int{"sendMessage": 1}},
		// The answer to the press, the pressed question edited to show
		// the answer, the next question.
		{"button press", func() { h.press(alice, h.question(alice).ID, "start/welcome/ok") },
			map[string]int{"answerCallbackQuery": 1, "editMessageText": 1, "sendMessage": 1}},
		// A line and the question again, in one message.
		{"typed message", func() { h.text(alice, "hallo") }, map[string]int{"sendMessage": 1}},
		{"112 button", func() { h.press(alice, h.question(alice).ID, flows.DataSOS) },
			map[string]int{"answerCallbackQuery": 1, "editMessageText": 1, "sendMessage": 1}},
		// The neutral line, and the conversation deleted in one call.
		{"quick exit", func() { h.press(alice, h.question(alice).ID, flows.DataExit) },
			map[string]int{"answerCallbackQuery": 1, "sendMessage": 1, "deleteMessages": 1}},
	} {
		t.Run(step.name, func(t *testing.T) {
			n := len(h.srv.Calls(""))
			step.do()
			got := map[string]int{}
			for _, c := range h.srv.Calls("")[n:] {
				if c.Method != "getUpdates" {
					got[c.Method]++
				}
			}
			if !maps.Equal(got, step.want) {
				t.Errorf("%s costs %v, want %v", step.name, got, step.want)
			}
		})
	}
}

func TestJoined(t *testing.T) {
	t.Parallel()
	q := flows.Reply{Text: "Vraag?", Options: []flows.Option{{Data: "a", Label: "A"}}}
	line := flows.Reply{Text: "Fijn dat je er bent."}
	long := flows.Reply{Text: strings.Repeat("a", maxText-4)}
	for _, tc := range []struct {
		name string
		in   []flows.Reply
		want []flows.Reply
	}{
		{"none", nil, []flows.Reply{}},
		{"a question alone", []flows.Reply{q}, []flows.Reply{q}},
		{"a line and a question", []flows.Reply{line, q}, []flows.Reply{{Text: line.Text + "\n\n" + q.Text, Options: q.Options}}},
		{"two lines and a question", []flows.Reply{line, line, q}, []flows.Reply{{Text: line.Text + "\n\n" + line.Text + "\n\n" + q.Text, Options: q.Options}}},
		{"a question and a line", []flows.Reply{q, line}, []flows.Reply{q, line}},
		{"too long for one message", []flows.Reply{long, q}, []flows.Reply{long, q}},
		{"an empty line", []flows.Reply{{}, q}, []flows.Reply{{}, q}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := joined(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("joined(%d replies) = %d replies %+v, want %+v", len(tc.in), len(got), got, tc.want)
			}
			for i := range got {
				if got[i].Text != tc.want[i].Text || len(got[i].Options) != len(tc.want[i].Options) {
					t.Errorf("joined() reply %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}
