package telegram

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"signaal/bot/telegram/tgtest"
)

// TestDroppedPressAnswered: button presses of a chat that floods are
// dropped like its messages, but each is still answered, so that no
// button keeps spinning on the person's phone.
func TestDroppedPressAnswered(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			received := &receivedCount{}
			h := start(t, m, testContent(t), func(b *Bot) {
				b.MaxChatQueued = 4
				b.Metrics = received
			})
			h.text(alice, "/start")
			q := h.question(alice)
			// Messages to alice are held, so that her replies back up as
			// under Telegram's limits, until every press has reached the
			// bot.
			slow := make(chan struct{})
			release := sync.OnceFunc(func() { close(slow) })
			defer release()
			h.srv.Inject(tgtest.Fault{Method: "sendMessage", Chat: alice.ID, Hold: slow, Times: 1000})
			s := &sender{h: h, m: m}
			others := received.n.Load() // updates not made by s: /start's and the presses
			var wg sync.WaitGroup
			for range 12 {
				wg.Go(func() { s.text(alice, "hallo") })
			}
			h.srv.Await(t, 5*time.Second, "alice's replies to back up", func() bool {
				return h.bot.sending.KeyLen(alice.ID) >= 3
			})
			var presses []string
			others += 6
			for range 6 {
				if m == polling {
					presses = append(presses, h.srv.Press(tgtest.PrivateChat(alice), alice, q.ID, "start/welcome/ok"))
					continue
				}
				qid, body := h.srv.PressUpdate(tgtest.PrivateChat(alice), alice, q.ID, "start/welcome/ok")
				presses = append(presses, qid)
				wg.Go(func() { _, _ = h.srv.Post(context.Background(), body) })
			}
			h.srv.Await(t, 5*time.Second, "every update to reach the bot", func() bool { return received.n.Load() == others+s.made.Load() })
			release()
			wg.Wait()
			h.settle()
			if !strings.Contains(h.logs.String(), "updates dropped") {
				t.Fatalf("no update was dropped: the test would prove nothing")
			}
			for _, qid := range presses {
				if !h.srv.Answered(qid) {
					t.Errorf("the press %s was not answered: the button would spin", qid)
				}
			}
		})
	}
}
