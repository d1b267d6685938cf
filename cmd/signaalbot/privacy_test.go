package main

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"signaal/bot/telegram/tgtest"
	"signaal/flows"
	"signaal/internal/redistest"
)

// TestNoPersonalDataLogged runs conversations through serve, the
// dispatcher and the Telegram channel with canaries: three people, a group
// and texts that must never be written anywhere an operator reads. The run
// goes through what makes a bot log the most: debug level, Telegram
// errors that echo the request (token, chat id, text), flood waits, Redis
// going away under a conversation, a group, an inline query, media and the
// quick exit. Then neither the log, nor /metrics, nor /stats may hold any
// of it, in either mode and either log format.
func TestNoPersonalDataLogged(t *testing.T) {
	t.Parallel()
	canary := tgtest.User{ID: 7355608421, FirstName: "Kanarievogel", Username: "kanarie_8842_naam", LanguageCode: "nl"}
	other := tgtest.User{ID: 7355608423, FirstName: "Sijsjevogel", Username: "sijsje_8847_naam", LanguageCode: "en"}
	third := tgtest.User{ID: 7355608424, FirstName: "Merelvogel", Username: "merel_8848_naam", LanguageCode: "nl"}
	group := tgtest.Chat{ID: -1007355608422, Type: "supergroup", Title: "Kanarieklas 8842"}
	const (
		said       = "Kanarie-8842: mijn baas houdt mijn paspoort vast"
		saidDown   = "Kanarie-8843 terwijl de opslag weg is"
		saidGroup  = "Kanarie-8844 in de groep"
		searched   = "kanarie-8845 hulp"
		saidLast   = "Kanarie-8849 vlak voor het einde"
		hookSecret = "kanarie-webhook-secret-8846"
		keySecret  = "kanarie-session-secret-8850-a1b2c3d4"
	)
	for _, tc := range []struct{ mode, format string }{{"polling", "text"}, {"webhook", "json"}} {
		t.Run(tc.mode, func(t *testing.T) {
			t.Parallel()
			redis := redistest.Start(t)
			srv := tgtest.New(t)
			env := []string{
				"TELEGRAM_BOT_TOKEN=" + tgtest.Token, "TELEGRAM_API_ENDPOINT=" + srv.Endpoint(),
				"REDIS_URL=" + redis.URL(), "SESSION_SECRET=" + keySecret,
				"LOG_LEVEL=debug", "LOG_FORMAT=" + tc.format,
			}
			// Replies still waiting for their chat at the end are given up
			// soon after SIGTERM, and the log says so: one more line that
			// must not tell who they were for. The last of them hangs at
			// Telegram far longer than the drain lasts, so the stop waits
			// out exactly the drain; a short one keeps that wait short.
			args := []string{"--poll-timeout", "1s", "--shutdown-timeout", "100ms"}
			if tc.mode == "webhook" {
				addr := freeAddr(t)
				env = append(env, "TELEGRAM_WEBHOOK_SECRET="+hookSecret)
				args = append(args, "--webhook-url", "http://"+addr+"/telegram", "--listen", addr)
			}
			bot := startServeOwnLog(t, env, args...)
			bot.awaitReady()
			sentTo := func(u tgtest.User) func() int {
				return func() int { return len(srv.BotMessages(u.ID)) }
			}

			// The bot sends about a message a second to a chat: while it
			// waits to answer one person, the next one takes their turn.
			//
			// The first person starts a conversation and writes, and
			// Telegram fails the answer in ways that quote what was sent,
			// as some proxies do: an error, then a flood wait.
			chat, sent := tgtest.PrivateChat(canary), sentTo(canary)
			srv.SendText(chat, canary, "/start")
			bot.await("the welcome", func() bool { return sent() >= 1 })
			srv.Inject(tgtest.Fault{Method: "sendMessage", Chat: canary.ID, Code: 500, Echo: true})
			srv.Inject(tgtest.Fault{Method: "sendMessage", Chat: canary.ID, Code: 429, RetryAfter: 1, Echo: true})
			n := sent()
			srv.SendText(chat, canary, said)

			// The second person: a voice message, a group, an inline query,
			// and a button whose message cannot be edited.
			chat2, sent2 := tgtest.PrivateChat(other), sentTo(other)
			question := func(d string) bool { return !strings.HasPrefix(d, "!") }
			srv.SendMedia(chat2, other, "voice")
			bot.await("the answer to a voice message, with a question", func() bool { _, _, ok := findButton(srv, other.ID, question); return ok })
			srv.AddBotToGroup(group, other)
			srv.SendText(group, other, saidGroup)
			bot.await("the line in the group", func() bool { return len(srv.BotMessages(group.ID)) > 0 })
			iq := srv.InlineQuery(other, searched)
			bot.await("the inline answer", func() bool { _, ok := srv.InlineAnswer(iq); return ok })
			q, data, _ := findButton(srv, other.ID, question)
			srv.Inject(tgtest.Fault{Method: "editMessageText", Chat: other.ID, Code: 400, Echo: true})
			n2 := sent2()
			srv.Press(chat2, other, q.ID, data)
			// Taken means handled, with Redis still there; the answer
			// waits for the chat.
			bot.await("every update to be taken", func() bool { return srv.Pending() == 0 })

			// The third: Redis goes away as they write, and the quick exit.
			chat3, sent3 := tgtest.PrivateChat(third), sentTo(third)
			redis.Stop()
			srv.SendText(chat3, third, saidDown)
			bot.await("the safety card", func() bool { return sent3() > 0 })
			redis.Restart()
			bot.awaitReady()
			card := srv.BotMessages(third.ID)[0]
			srv.Press(chat3, third, card.ID, flows.DataExit)
			bot.await("the quick exit", func() bool { return len(srv.Calls("deleteMessages")) > 0 })

			bot.await("the answer to free text", func() bool { return sent() > n })
			bot.await("the next question", func() bool { return sent2() > n2 })
			// The first person writes once more, just before the bot is
			// stopped: it takes the message, and gives up the answer that
			// must wait for the chat.
			// Taken, not acknowledged: Telegram hears of it only once its
			// answer is sent, which the stop comes before.
			received := func() int {
				_, metrics := bot.get("/metrics")
				total := 0
				for _, line := range strings.Split(metrics, "\n") {
					if strings.HasPrefix(line, "signaal_updates_received_total{") {
						_, v, _ := strings.Cut(line, " ")
						n, _ := strconv.Atoi(v)
						total += n
					}
				}
				return total
			}
			before := received()
			// Its answer hangs at Telegram past the shutdown time-out.
			srv.Inject(tgtest.Fault{Method: "sendMessage", Chat: canary.ID, Delay: 5 * time.Second})
			srv.SendText(chat, canary, saidLast)
			bot.await("the last message to be taken", func() bool { return received() > before })

			_, metrics := bot.get("/metrics")
			code, totals := bot.get("/stats")
			if code != http.StatusOK {
				t.Errorf("GET /stats = %d, %q", code, totals)
			}
			bot.stop()

			logs := bot.out.String()
			for _, seen := range []string{"safety card", "telegram call retried", "edit skipped", "the rest is abandoned"} {
				if !strings.Contains(logs, seen) {
					t.Fatalf("the log does not say %q, so this test saw less than it should:\n%s", seen, logs)
				}
			}
			_, tokenSecret, _ := strings.Cut(tgtest.Token, ":")
			never := []string{
				tgtest.Token, tokenSecret, "AAtest-token", hookSecret, keySecret,
				strconv.FormatInt(canary.ID, 10), canary.FirstName, canary.Username,
				strconv.FormatInt(other.ID, 10), other.FirstName, other.Username,
				strconv.FormatInt(third.ID, 10), third.FirstName, third.Username,
				strconv.FormatInt(-group.ID, 10), group.Title,
				said, "Kanarie-8842", "paspoort", saidDown, "Kanarie-8843", saidGroup, "Kanarie-8844", searched, "kanarie-8845", saidLast, "Kanarie-8849",
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

// TestWebNoPersonalDataLogged is TestNoPersonalDataLogged for the web
// chat: conversations with canary texts from canary addresses (as a
// reverse proxy names them in X-Forwarded-For), through everything that
// makes the channel log or count the most: debug level, requests it
// refuses (a flood, a malformed body that quotes a canary, a forged
// token), Redis going away under a conversation, and the quick exit.
// Then neither the log, nor /metrics, nor /stats, nor any value in Redis
// may hold a text, an address or a token.
func TestWebNoPersonalDataLogged(t *testing.T) {
	t.Parallel()
	const (
		said      = "Kanarie-8862: mijn baas houdt mijn paspoort vast"
		saidFirst = "Kanarie-8863 typt eerst iets"
		saidDown  = "Kanarie-8864 terwijl de opslag weg is"
		saidBad   = "Kanarie-8865 in kapotte JSON"
		saidFlood = "Kanarie-8866 keer op keer"
		addr4     = "198.51.100.73"
		addr6     = "2001:db8:8842::73"
		keySecret = "kanarie-session-secret-8870-a1b2c3d4"
	)
	for _, format := range []string{"json", "text"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			redis := redistest.Start(t)
			webAddr := freeAddr(t)
			bot := startServeOwnLog(t, []string{
				"WEB_ADDR=" + webAddr, "WEB_TRUSTED_PROXIES=127.0.0.1",
				"REDIS_URL=" + redis.URL(), "SESSION_SECRET=" + keySecret,
				"LOG_LEVEL=debug", "LOG_FORMAT=" + format,
			})
			bot.awaitReady()
			one := &webClient{t: t, base: "http://" + webAddr, forwardedFor: addr4}
			two := &webClient{t: t, base: "http://" + webAddr, forwardedFor: "203.0.113.9, " + addr6}

			// The first person walks a little, then writes.
			token, _ := one.start(map[string]string{"lang": "nl"})
			one.send(token, map[string]string{"option": "start/welcome/ok"})
			if code, _ := one.send(token, map[string]string{"text": said}); code != 200 {
				t.Fatalf("a message = %d", code)
			}
			// The second writes first, then floods, and sends what no page
			// sends: a body that is no JSON, a field unknown, a token made up.
			token2, _ := two.start(map[string]string{"text": saidFirst})
			floods := 0
			for range 15 {
				if code, _ := two.send(token2, map[string]string{"text": saidFlood}); code == http.StatusTooManyRequests {
					floods++
				}
			}
			if floods == 0 {
				t.Fatal("no message of the flood was refused, so this test saw less than it should")
			}
			if code, _ := two.do("POST", "/api/v1/messages", token2, `{"text": "`+saidBad+`"`); code != 400 {
				t.Errorf("a broken body = %d, want 400", code)
			}
			if code, _ := two.do("POST", "/api/v1/messages", token2, map[string]string{saidBad: "x"}); code != 400 {
				t.Errorf("an unknown field = %d, want 400", code)
			}
			if code, _ := two.do("POST", "/api/v1/messages", strings.Repeat("K", 43), map[string]string{"text": saidBad}); code != 401 {
				t.Errorf("a made-up token = %d, want 401", code)
			}

			// What Redis holds now, while both conversations go on: a
			// Redis restarted empty below would hold less.
			stored := redisValues(t, redis.Addr())
			if !strings.Contains(stored, ":s = ") {
				t.Fatalf("Redis holds no session, so this test saw less than it should:\n%s", stored)
			}

			// Redis goes away as the first person writes; the quick exit
			// while it is away is carried out once it is back.
			redis.Stop()
			if code, a := one.send(token, map[string]string{"text": saidDown}); code != 200 || !a.Degraded {
				t.Errorf("a message with Redis stopped = %d %+v, want the safety card", code, a)
			}
			one.do("DELETE", "/api/v1/conversation", token, nil)
			redis.Restart()
			bot.awaitReady()
			one.do("DELETE", "/api/v1/conversation", token, nil)

			_, metrics := bot.get("/metrics")
			code, totals := bot.get("/stats")
			if code != http.StatusOK {
				t.Errorf("GET /stats = %d, %q", code, totals)
			}
			stored += redisValues(t, redis.Addr())
			bot.stop()

			logs := bot.out.String()
			for _, seen := range []string{"safety card", "web chat listening"} {
				if !strings.Contains(logs, seen) {
					t.Fatalf("the log does not say %q, so this test saw less than it should:\n%s", seen, logs)
				}
			}
			if !strings.Contains(metrics, `signaal_web_requests_refused_total{reason="flood"}`) {
				t.Fatalf("/metrics counts no flood, so this test saw less than it should")
			}
			never := []string{
				said, "Kanarie-8862", "paspoort", saidFirst, "Kanarie-8863", saidDown, "Kanarie-8864",
				saidBad, "Kanarie-8865", saidFlood, "Kanarie-8866",
				addr4, addr6, "2001:db8:8842", "203.0.113.9", token, token2, keySecret,
			}
			for _, place := range []struct{ name, text string }{{"the log", logs}, {"/metrics", metrics}, {"/stats", totals}, {"Redis", stored}} {
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

// redisValues reads every key of the Redis at addr and its value, by
// type, as text.
func redisValues(t *testing.T, addr string) string {
	t.Helper()
	c := goredis.NewClient(&goredis.Options{Addr: addr})
	defer c.Close()
	ctx := context.Background()
	var b strings.Builder
	iter := c.Scan(ctx, 0, "*", 100).Iterator()
	n := 0
	for iter.Next(ctx) {
		k := iter.Val()
		n++
		b.WriteString(k + " = ")
		switch typ, _ := c.Type(ctx, k).Result(); typ {
		case "string":
			v, _ := c.Get(ctx, k).Result()
			b.WriteString(v)
		case "hash":
			v, _ := c.HGetAll(ctx, k).Result()
			fmt.Fprint(&b, v)
		case "set":
			v, _ := c.SMembers(ctx, k).Result()
			fmt.Fprint(&b, v)
		case "zset":
			v, _ := c.ZRangeWithScores(ctx, k, 0, -1).Result()
			fmt.Fprint(&b, v)
		case "list":
			v, _ := c.LRange(ctx, k, 0, -1).Result()
			fmt.Fprint(&b, v)
		default:
			b.WriteString("(" + typ + ")")
		}
		b.WriteString("\n")
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("Redis holds nothing, so this test saw less than it should")
	}
	return b.String()
}
