package main

import (
	"net/http"
	"strings"
	"testing"

	"signaal/bot/telegram/tgtest"
)

// TestReadinessWhilePollingRefused: getUpdates answering 401 (a revoked
// token) or 404 does not end serve; /readyz answers 503 on the telegram
// line while Telegram refuses, an error line says why, and readiness
// comes back once getUpdates answers again.
func TestReadinessWhilePollingRefused(t *testing.T) {
	t.Parallel()
	for _, code := range []int{http.StatusUnauthorized, http.StatusNotFound} {
		t.Run(http.StatusText(code), func(t *testing.T) {
			t.Parallel()
			srv := tgtest.New(t)
			bot := startServe(t, []string{"TELEGRAM_BOT_TOKEN=" + tgtest.Token, "TELEGRAM_API_ENDPOINT=" + srv.Endpoint()}, "--poll-timeout", "1s")
			bot.awaitReady()
			// One refusal: /readyz answers 503 from it until a
			// getUpdates call has succeeded again, after the bot's
			// back-off, which the held clock keeps from ending until
			// the 503 has been seen. The body checked is the one that
			// answered 503.
			bot.clock.hold()
			srv.Inject(tgtest.Fault{Method: "getUpdates", Code: code, Times: 1})
			var body string
			bot.await("/readyz to answer 503", func() bool {
				var c int
				c, body = bot.get("/readyz")
				return c == http.StatusServiceUnavailable
			})
			if !strings.Contains(body, "telegram: not ready") {
				t.Errorf("GET /readyz while getUpdates answers %d = %q, want the telegram line not ready", code, body)
			}
			calls := len(srv.Calls("getUpdates"))
			bot.clock.release()
			// The call after the back-off is a long poll that finds
			// nothing; a fault that changes nothing ends it at once, as its
			// time-out (a second) would, and readiness comes back from
			// that empty answer.
			bot.await("getUpdates after the back-off", func() bool { return len(srv.Calls("getUpdates")) > calls })
			srv.Inject(tgtest.Fault{Method: "getUpdates"})
			bot.awaitReady()
			if !strings.Contains(bot.out.String(), "getUpdates refused the token") {
				t.Errorf("no line says getUpdates was refused:\n%s", bot.out.String())
			}
			user := tgtest.User{ID: 987652101, FirstName: "Lo", LanguageCode: "nl"}
			srv.SendText(tgtest.PrivateChat(user), user, "/start")
			bot.await("an answer after the refusals", func() bool { return len(srv.BotMessages(user.ID)) > 0 })
			bot.stop()
		})
	}
}
