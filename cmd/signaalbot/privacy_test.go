package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"signaal/bot/telegram/tgtest"
	"signaal/flows"
	"signaal/internal/redistest"
)

// TestNoPersonalDataLogged runs conversations through the binary, the
// dispatcher and the Telegram channel with a canary: a person, a group and
// texts that must never be written anywhere an operator reads. The run
// goes through what makes a bot log the most: debug level, Telegram
// errors that echo the request (token, chat id, text), flood waits, Redis
// going away under a conversation, a group, an inline query, media and the
// quick exit. Then neither the log, nor /metrics, nor /stats may hold any
// of it, in either mode and either log format.
func TestNoPersonalDataLogged(t *testing.T) {
	canary := tgtest.User{ID: 7355608421, FirstName: "Kanarievogel", Username: "kanarie_8842_naam", LanguageCode: "nl"}
	group := tgtest.Chat{ID: -1007355608422, Type: "supergroup", Title: "Kanarieklas 8842"}
	const (
		said       = "Kanarie-8842: mijn baas houdt mijn paspoort vast"
		saidDown   = "Kanarie-8843 terwijl de opslag weg is"
		saidGroup  = "Kanarie-8844 in de groep"
		searched   = "kanarie-8845 hulp"
		hookSecret = "kanarie-webhook-secret-8846"
	)
	for _, tc := range []struct{ mode, format string }{{"polling", "text"}, {"webhook", "json"}} {
		t.Run(tc.mode, func(t *testing.T) {
			t.Parallel()
			redis := redistest.Start(t)
			srv := tgtest.New(t)
			env := []string{
				"TELEGRAM_BOT_TOKEN=" + tgtest.Token, "TELEGRAM_API_ENDPOINT=" + srv.Endpoint(),
				"REDIS_URL=" + redis.URL(), "SESSION_SECRET=" + strings.Repeat("p", 40),
				"LOG_LEVEL=debug", "LOG_FORMAT=" + tc.format,
			}
			args := []string{"--poll-timeout", "1s"}
			if tc.mode == "webhook" {
				addr := freeAddr(t)
				env = append(env, "TELEGRAM_WEBHOOK_SECRET="+hookSecret)
				args = append(args, "--webhook-url", "http://"+addr+"/telegram", "--listen", addr)
			}
			bot := startServe(t, env, args...)
			bot.awaitReady()
			chat := tgtest.PrivateChat(canary)
			sent := func() int { return len(srv.BotMessages(canary.ID)) }

			srv.SendText(chat, canary, "/start")
			bot.await("the welcome", func() bool { return sent() >= 2 })
			// Telegram fails the next answers in ways that quote what was
			// sent, as some proxies do.
			srv.Inject(tgtest.Fault{Method: "sendMessage", Code: 500, Echo: true})
			srv.Inject(tgtest.Fault{Method: "sendMessage", Code: 429, RetryAfter: 1, Echo: true})
			n := sent()
			srv.SendText(chat, canary, said)
			bot.await("the answer to free text", func() bool { return sent() > n })
			q, data, ok := findButton(srv, canary.ID, func(d string) bool { return !strings.HasPrefix(d, "!") })
			if !ok {
				t.Fatal("no question to answer")
			}
			srv.Inject(tgtest.Fault{Method: "editMessageText", Code: 400, Echo: true})
			n = sent()
			srv.Press(chat, canary, q.ID, data)
			bot.await("the next question", func() bool { return sent() > n })
			n = sent()
			srv.SendMedia(chat, canary, "voice")
			bot.await("the answer to a voice message", func() bool { return sent() > n })

			srv.AddBotToGroup(group, canary)
			srv.SendText(group, canary, saidGroup)
			bot.await("the line in the group", func() bool { return len(srv.BotMessages(group.ID)) > 0 })
			iq := srv.InlineQuery(canary, searched)
			bot.await("the inline answer", func() bool { _, ok := srv.InlineAnswer(iq); return ok })

			redis.Stop()
			n = sent()
			srv.SendText(chat, canary, saidDown)
			bot.await("the safety card", func() bool { return sent() > n })
			redis.Restart()
			bot.awaitReady()

			srv.Press(chat, canary, q.ID, flows.DataExit)
			bot.await("the quick exit", func() bool { return len(srv.Calls("deleteMessages")) > 0 })

			_, metrics := bot.get("/metrics")
			code, totals := bot.get("/stats")
			if code != http.StatusOK {
				t.Errorf("GET /stats = %d, %q", code, totals)
			}
			bot.stop()

			logs := bot.out.String()
			if !strings.Contains(logs, "safety card") {
				t.Fatalf("the log does not tell of the safety card, so this test saw less than it should:\n%s", logs)
			}
			_, tokenSecret, _ := strings.Cut(tgtest.Token, ":")
			never := []string{
				tgtest.Token, tokenSecret, "AAtest-token", hookSecret,
				strconv.FormatInt(canary.ID, 10), canary.FirstName, canary.Username,
				strconv.FormatInt(-group.ID, 10), group.Title,
				said, "Kanarie-8842", "paspoort", saidDown, "Kanarie-8843", saidGroup, "Kanarie-8844", searched, "kanarie-8845",
			}
			for _, place := range []struct{ name, text string }{{"the log", logs}, {"/metrics", metrics}, {"/stats", totals}} {
				lower := strings.ToLower(place.text)
				for _, s := range never {
					if strings.Contains(lower, strings.ToLower(s)) {
						t.Errorf("%s contains %q, which must never be written:\n%s", place.name, s, place.text)
					}
				}
			}
		})
	}
}
