package telegram

import (
	"context"
	"sync"
	"testing"
	"time"

	"signaal/bot/telegram/tgtest"
	"signaal/flows"
)

// TestInlineApartFromChat: an inline query whose answer Telegram is slow
// to take holds up nothing else. A 112 press in the same person's private
// chat, sent while that answer is on its way, is answered first: inline
// queries have lanes of their own, and polling asks for the next updates
// without waiting for their answers.
func TestInlineApartFromChat(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			h := start(t, m, testContent(t))
			h.text(alice, "/start")
			q := h.question(alice)
			before := len(h.srv.BotMessages(alice.ID))
			// The inline answer is held until the 112 press was answered.
			hold := make(chan struct{})
			h.srv.Inject(tgtest.Fault{Method: "answerInlineQuery", Hold: hold})
			iq := h.srv.InlineQuery(alice, "keerpunt")
			h.srv.Await(t, 5*time.Second, "the inline query to be under way", func() bool {
				return h.bot.inline.Len()+h.bot.handling.Len() > 0
			})
			var wg sync.WaitGroup
			var qid string
			if m == polling {
				qid = h.srv.Press(tgtest.PrivateChat(alice), alice, q.ID, flows.DataSOS)
			} else {
				// Posted beside the inline query's delivery, as Telegram
				// does over several connections.
				var body []byte
				qid, body = h.srv.PressUpdate(tgtest.PrivateChat(alice), alice, q.ID, flows.DataSOS)
				wg.Go(func() { _, _ = h.srv.Post(context.Background(), body) })
			}
			h.srv.Await(t, 10*time.Second, "the answer with 112", func() bool {
				for _, msg := range h.srv.BotMessages(alice.ID)[before:] {
					if isSafetyAnswer(msg.Text) {
						return true
					}
				}
				return false
			})
			if _, answered := h.srv.InlineAnswer(iq); answered {
				t.Errorf("the 112 press was answered after the slow inline query %s, want before: it waited for the inline answer", iq)
			}
			close(hold)
			wg.Wait()
			h.settle()
			if !h.srv.Answered(qid) {
				t.Errorf("the 112 press %s was not answered: the button would spin", qid)
			}
			if _, answered := h.srv.InlineAnswer(iq); !answered {
				t.Errorf("the inline query %s was never answered", iq)
			}
		})
	}
}
