package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"signaal/bot"
	"signaal/bot/telegram/tgtest"
	"signaal/content"
	"signaal/flows"
)

// The path to a referral for a young person under 18 who is pushed into
// sex: the walk prefers these options where the bot offers them and takes
// the first option elsewhere.
var fierPath = map[string]bool{
	"start/danger/no":  true,
	"start/who/me":     true,
	"jong/age/under18": true,
	"jong/sexual/yes":  true,
	"jong/criminal/no": true,
	"jong/danger/no":   true,
}

func TestConversation(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			h := start(t, m, testContent(t))
			h.text(alice, "/start")

			// One message: the welcome, then the privacy note, with the
			// welcome's buttons.
			first := h.srv.BotMessages(alice.ID)
			if len(first) != 1 {
				t.Fatalf("after /start, bot messages = %+v, want one: the welcome with the privacy note", first)
			}
			welcome := first[0]
			if want := h.txt("start.welcome") + "\n\n" + h.txt(content.KeyPrivacy); welcome.Text != want || len(welcome.Buttons) == 0 {
				t.Errorf("first message = %q with %d button rows, want the welcome and the privacy note %q with buttons", welcome.Text, len(welcome.Buttons), want)
			}
			if welcome.Keyboard != nil {
				t.Errorf("first message sets a reply keyboard %v, want none", welcome.Keyboard)
			}
			if last := buttons(welcome); len(last) < 2 || last[len(last)-2].Data != flows.DataSOS || last[len(last)-1].Data != flows.DataExit {
				t.Errorf("welcome buttons = %+v, want the emergency option and the quick exit last", last)
			}
			if row := welcome.Buttons[len(welcome.Buttons)-1]; len(row) != 2 {
				t.Errorf("last button row = %+v, want the emergency option and the quick exit side by side", row)
			}

			ending, path := h.walk(alice, fierPath)
			if !hasCard(h.c, ending.Text) {
				t.Errorf("ending after %v = %q, want a contact card in it", path, ending.Text)
			}
			t.Logf("path to the ending: %v", path)

			// The privacy note came once, and every press was answered.
			n := 0
			for _, msg := range h.srv.BotMessages(alice.ID) {
				n += strings.Count(msg.Text, h.txt(content.KeyPrivacy))
			}
			if n != 1 {
				t.Errorf("privacy note sent %d times, want once", n)
			}
			if got, want := len(h.srv.Calls("answerCallbackQuery")), len(path); got != want {
				t.Errorf("answerCallbackQuery calls = %d, want %d (one per press)", got, want)
			}

			// Set-up calls.
			cmds := h.srv.Calls("setMyCommands")
			if len(cmds) != len(h.c.Langs) {
				t.Fatalf("setMyCommands calls = %d, want one per language (%v)", len(cmds), h.c.Langs)
			}
			var published []struct{ Command, Description string }
			if err := json.Unmarshal([]byte(cmds[0].Params.Get("commands")), &published); err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range published {
				names = append(names, c.Command)
				if c.Description == "" {
					t.Errorf("command /%s has no description", c.Command)
				}
			}
			if want := []string{"start", "terug", "stop", "help", "taal", "contact"}; !slices.Equal(names, want) {
				t.Errorf("published commands = %v, want %v", names, want)
			}
			switch m {
			case polling:
				if len(h.srv.Calls("deleteWebhook")) != 1 {
					t.Errorf("deleteWebhook calls = %d, want 1 before polling", len(h.srv.Calls("deleteWebhook")))
				}
				for _, c := range h.srv.Calls("getUpdates") {
					if got := c.Params.Get("allowed_updates"); got != `["message","callback_query","inline_query"]` {
						t.Fatalf("getUpdates allowed_updates = %s, want message, callback_query, inline_query", got)
					}
				}
			case hooking:
				set := h.srv.Calls("setWebhook")
				if len(set) != 1 {
					t.Fatalf("setWebhook calls = %d, want 1", len(set))
				}
				p := set[0].Params
				if p.Get("url") != h.bot.WebhookURL || len(p.Get("secret_token")) < 32 || p.Get("allowed_updates") != `["message","callback_query","inline_query"]` {
					t.Errorf("setWebhook(%v), want url %s, a random secret and the allowed updates", p, h.bot.WebhookURL)
				}
				if len(h.srv.Calls("getUpdates")) != 0 {
					t.Errorf("getUpdates called in webhook mode")
				}
			}
		})
	}
}

func TestDeepLink(t *testing.T) {
	t.Parallel()
	h := start(t, polling, testContent(t))
	h.text(bob, "/start prof")
	msgs := h.srv.BotMessages(bob.ID)
	if len(msgs) != 1 {
		t.Fatalf("after /start prof, bot messages = %+v, want one: the welcome, the privacy note and the first question", msgs)
	}
	parts := strings.SplitN(msgs[0].Text, "\n\n", 3)
	if len(parts) != 3 {
		t.Fatalf("first message = %q, want the welcome, the privacy note and the first question", msgs[0].Text)
	}
	welcome, privacy, question := parts[0], parts[1], parts[2]
	if want := h.txt("start.welcome"); welcome != want {
		t.Errorf("first message begins %q, want the welcome", welcome)
	}
	if want := h.txt(content.KeyPrivacy); privacy != want {
		t.Errorf("first message goes on %q, want the privacy note %q", privacy, want)
	}
	if _, ok := hasButton(msgs[0], "!back"); !ok || !strings.HasPrefix(question, strings.SplitN(h.txt("prof.intro"), "\n", 2)[0]) {
		t.Errorf("first message ends %q %+v, want the first question of the prof flow", question, msgs[0].Buttons)
	}
	if _, ok := hasButton(msgs[0], flows.DataSOS); !ok {
		t.Errorf("first message buttons = %+v, want 112 among them", msgs[0].Buttons)
	}
}

// TestFirstAnswerOneMessage: in every language, a person's first answer,
// by /start or a deep link into any flow, is one message within
// Telegram's 4096 characters: the welcome, the privacy note, and the
// question with 112 and the quick exit side by side in its last row.
func TestFirstAnswerOneMessage(t *testing.T) {
	t.Parallel()
	c := testContent(t)
	h := start(t, polling, c)
	starts := []string{"/start"}
	for _, id := range slices.Sorted(maps.Keys(c.Flows)) {
		if id != flows.StartFlow {
			starts = append(starts, "/start "+id)
		}
	}
	id := int64(987654000)
	for _, lang := range c.Langs {
		for _, cmd := range starts {
			t.Run(lang+"/"+cmd, func(t *testing.T) {
				id++
				u := tgtest.User{ID: id, FirstName: "Een", LanguageCode: lang}
				h.text(u, cmd)
				msgs := h.srv.BotMessages(u.ID)
				if len(msgs) != 1 {
					t.Fatalf("%s in %s: bot messages = %+v, want one", cmd, lang, msgs)
				}
				m := msgs[0]
				if n := textLen(m.Text); n > maxText {
					t.Errorf("%s in %s: first message is %d characters, want at most %d", cmd, lang, n, maxText)
				}
				welcome := c.Text(lang, "start.welcome")
				if !strings.HasPrefix(m.Text, welcome+"\n\n"+c.Text(lang, content.KeyPrivacy)) {
					t.Errorf("%s in %s: first message = %q, want the welcome, then the privacy note", cmd, lang, m.Text)
				}
				want := []tgtest.Button{{Text: c.Text(lang, content.KeyOptSOS), Data: flows.DataSOS}, {Text: c.Text(lang, content.KeyOptExit), Data: flows.DataExit}}
				if len(m.Buttons) < 2 || !slices.Equal(m.Buttons[len(m.Buttons)-1], want) {
					t.Errorf("%s in %s: buttons = %+v, want the question's options and last %+v", cmd, lang, m.Buttons, want)
				}
			})
		}
	}
}

// TestAnswerEndsWith112: an answer whose last message has no options of
// its own still ends with 112 and the quick exit one tap away, as a row of
// their own in the conversation's language; a question keeps its own
// options, where the engine puts 112 and the quick exit last. A press on
// the row reaches the dispatcher as the option pressed.
func TestAnswerEndsWith112(t *testing.T) {
	t.Parallel()
	line := flows.Reply{Text: "een regel"}
	q := flows.Reply{Text: "een vraag?", Options: []flows.Option{{Data: "a", Label: "A"}}}
	row := func(lang string) []tgtest.Button {
		c := testContent(t)
		return []tgtest.Button{{Text: c.Text(lang, content.KeyOptSOS), Data: flows.DataSOS}, {Text: c.Text(lang, content.KeyOptExit), Data: flows.DataExit}}
	}
	for _, tc := range []struct {
		name string
		out  bot.Outcome
		want [][][]tgtest.Button // the buttons of each message sent
	}{
		{"a line", bot.Outcome{Replies: []flows.Reply{line}}, [][][]tgtest.Button{{row("nl")}}},
		{"a line in English", bot.Outcome{Replies: []flows.Reply{line}, Lang: "en"}, [][][]tgtest.Button{{row("en")}}},
		{"a question, then a line", bot.Outcome{Replies: []flows.Reply{q, line}}, [][][]tgtest.Button{{{{Text: "A", Data: "a"}}}, {row("nl")}}},
		{"a question", bot.Outcome{Replies: []flows.Reply{q}}, [][][]tgtest.Button{{{{Text: "A", Data: "a"}}}}},
		{"the safety card", bot.Outcome{Replies: []flows.Reply{{Text: "veiligheidskaart"}}, Degraded: true}, [][][]tgtest.Button{{row("nl")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fixed := &fixedHandler{out: tc.out}
			h := start(t, polling, testContent(t), func(b *Bot) { b.Handler = fixed })
			h.text(alice, "hallo")
			msgs := h.srv.BotMessages(alice.ID)
			if len(msgs) != len(tc.want) {
				t.Fatalf("bot messages = %+v, want %d", msgs, len(tc.want))
			}
			for i, m := range msgs {
				if !slices.EqualFunc(m.Buttons, tc.want[i], slices.Equal) {
					t.Errorf("message %d %q has buttons %+v, want %+v", i, m.Text, m.Buttons, tc.want[i])
				}
			}
			last := msgs[len(msgs)-1]
			if _, ok := hasButton(last, flows.DataSOS); !ok {
				return // a question of the test's own, without 112
			}
			h.press(alice, last.ID, flows.DataSOS)
			if in := fixed.last(); in.Kind != flows.Choice || in.Data != flows.DataSOS {
				t.Errorf("a press on the row reached the dispatcher as %+v, want the choice %q", in, flows.DataSOS)
			}
		})
	}
}

// fixedHandler answers every update with out, and remembers the last input.
type fixedHandler struct {
	out bot.Outcome
	mu  sync.Mutex
	in  flows.Input
}

func (f *fixedHandler) Handle(_ context.Context, u bot.Update) (bot.Outcome, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.in = u.Input
	return f.out, nil
}

func (f *fixedHandler) last() flows.Input {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.in
}

func TestStaleAndForgedButtons(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			h := start(t, m, testContent(t))
			h.text(alice, "/start")
			welcome := h.question(alice)
			h.press(alice, welcome.ID, "start/welcome/ok")
			safe := h.question(alice)
			if safe.Text != h.txt("start.safe") {
				t.Fatalf("after ok, question = %q, want %q", safe.Text, h.txt("start.safe"))
			}
			for _, tc := range []struct {
				name string
				id   int
				data string
			}{
				{"old button", welcome.ID, "start/welcome/ok"},
				{"button of a later question", safe.ID, "jong/age/under18"},
				{"forged data", safe.ID, "zz/zz/zz"},
				{"garbage", safe.ID, "\x00\xff' OR 1=1"},
			} {
				t.Run(tc.name, func(t *testing.T) {
					before := len(h.srv.BotMessages(alice.ID))
					h.press(alice, tc.id, tc.data)
					msgs := h.srv.BotMessages(alice.ID)
					if len(msgs) != before+1 {
						t.Fatalf("after a stale press, %d new messages, want 1 (the stale line with the question)", len(msgs)-before)
					}
					if got, want := msgs[len(msgs)-1], h.txt(content.KeyStale)+"\n\n"+safe.Text; got.Text != want || len(got.Buttons) == 0 {
						t.Errorf("reply = %q, want the stale line and the current question again %q, with buttons", got.Text, want)
					}
					if tc.id == safe.ID {
						// The refused press took the buttons off that
						// message and did not show an answer on it.
						if got := h.message(alice, safe.ID); got.Text != safe.Text || len(got.Buttons) != 0 {
							t.Errorf("pressed message = %q with %d rows, want its text unchanged and no buttons", got.Text, len(got.Buttons))
						}
					}
				})
			}
			// The conversation goes on from the re-shown question.
			q := h.question(alice)
			h.press(alice, q.ID, "start/safe/yes")
			if got := h.question(alice).Text; got != h.txt("start.danger") {
				t.Errorf("after yes, question = %q, want %q", got, h.txt("start.danger"))
			}
		})
	}
}

func TestQuickExit(t *testing.T) {
	t.Parallel()
	c := testContent(t)
	exitLabel := c.Text(content.DefaultLang, content.KeyOptExit)
	for _, m := range modes {
		for _, how := range []string{"typed", "button", "/stop"} {
			t.Run(string(m)+"/"+how, func(t *testing.T) {
				h := start(t, m, c)
				h.text(alice, "/start")
				for _, data := range []string{"start/welcome/ok", "start/safe/yes"} {
					h.press(alice, h.question(alice).ID, data)
				}
				h.text(alice, "iets getypt") // a user message in the middle
				h.srv.SendMedia(tgtest.PrivateChat(alice), alice, "sticker")
				h.settle()
				if n := len(h.srv.Visible(alice.ID)); n < 8 {
					t.Fatalf("conversation has %d messages before the exit, want at least 8", n)
				}
				switch how {
				case "typed":
					h.text(alice, exitLabel) // as the reply keyboard of older chats sends it
				case "button":
					h.press(alice, h.question(alice).ID, flows.DataExit)
				case "/stop":
					h.text(alice, "/stop")
				}
				if visible := h.srv.Visible(alice.ID); len(visible) != 0 {
					t.Fatalf("after the quick exit, visible messages = %+v, want none", visible)
				}
				if v := h.exitLine(t, alice.ID); !v.RemoveKeyboard {
					t.Errorf("the exit line %+v did not remove the keyboard", v)
				}
				// The session is gone: the next message begins anew, with
				// the privacy note again.
				h.text(alice, "hallo")
				msgs := h.srv.BotMessages(alice.ID)
				if got := msgs[len(msgs)-1].Text; !strings.Contains(got, h.txt(content.KeyPrivacy)) {
					t.Errorf("after the exit, a new message got %q last, want the welcome with the privacy note of a new conversation", got)
				}
			})
		}
	}
}

func TestGroupChat(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) { testGroupChat(t, m) })
	}
}

func testGroupChat(t *testing.T, m mode) {
	h := start(t, m, testContent(t))
	from := bob
	for _, tc := range []struct {
		name   string
		send   func() int
		answer bool
	}{
		{"command", func() int { return h.srv.SendText(group, from, "/start@"+tgtest.BotUsername) }, true},
		{"plain command", func() int { return h.srv.SendText(group, from, "/help") }, true},
		{"mention", func() int { return h.srv.SendText(group, from, "hoi @"+tgtest.BotUsername) }, true},
		{"added", func() int { return h.srv.AddBotToGroup(group, from) }, true},
		{"chatter", func() int { return h.srv.SendText(group, from, "hoe laat is de les") }, false},
		{"other bot", func() int { return h.srv.SendText(group, from, "/start@andere_bot") }, false},
		{"sticker", func() int { return h.srv.SendMedia(group, from, "sticker") }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(h.srv.BotMessages(group.ID))
			tc.send()
			h.settle()
			msgs := h.srv.BotMessages(group.ID)
			if !tc.answer {
				if len(msgs) != before {
					t.Errorf("bot answered %+v, want silence", msgs[before:])
				}
				return
			}
			if len(msgs) != before+1 {
				t.Fatalf("bot sent %d messages, want 1", len(msgs)-before)
			}
			got := msgs[len(msgs)-1]
			want := h.txt(content.KeyGroup) + "\nhttps://t.me/" + tgtest.BotUsername
			if got.Text != want || len(got.Buttons) != 0 {
				t.Errorf("group answer = %q with %d rows, want %q without buttons", got.Text, len(got.Buttons), want)
			}
		})
	}
	if n := h.rec.count(); n != 0 {
		t.Errorf("dispatcher handled %d group updates, want none: nothing of a group is stored", n)
	}
}

func TestMedia(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) { testMedia(t, m) })
	}
}

func testMedia(t *testing.T, m mode) {
	h := start(t, m, testContent(t))
	h.text(alice, "/start")
	h.press(alice, h.question(alice).ID, "start/welcome/ok")
	for _, kind := range []string{"sticker", "photo", "voice", "document"} {
		before := len(h.srv.BotMessages(alice.ID))
		h.srv.SendMedia(tgtest.PrivateChat(alice), alice, kind)
		h.settle()
		msgs := h.srv.BotMessages(alice.ID)
		if len(msgs) != before+1 || msgs[before].Text != h.txt(content.KeyMedia)+"\n\n"+h.txt("start.safe") || len(msgs[before].Buttons) == 0 {
			t.Fatalf("after a %s, new messages = %+v, want the media line with the current question", kind, msgs[before:])
		}
	}
	h.press(alice, h.question(alice).ID, "start/safe/yes")
	if got := h.question(alice).Text; got != h.txt("start.danger") {
		t.Errorf("after media and yes, question = %q, want %q: media must not change the state", got, h.txt("start.danger"))
	}
}

func TestInlineQuery(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) { testInlineQuery(t, m) })
	}
}

func testInlineQuery(t *testing.T, m mode) {
	c := testContent(t)
	h := start(t, m, c)
	for _, tc := range []struct {
		query string
		want  string // a contact id that must be offered
	}{
		{"keerpunt", "keerpunt"},
		{"", c.Safety()[0]},
	} {
		t.Run(tc.query, func(t *testing.T) {
			id := h.srv.InlineQuery(carol, tc.query)
			h.settle()
			lang := content.DefaultLang
			if c.HasLang("en") {
				lang = "en" // carol's Telegram is set to en-GB
			}
			results, ok := h.srv.InlineAnswer(id)
			if !ok {
				t.Fatalf("inline query %q not answered", tc.query)
			}
			found := false
			for _, r := range results {
				if r.ID == tc.want {
					found = true
					if want := c.Card(lang, c.Contacts[tc.want]); r.Text != want {
						t.Errorf("result %s text = %q, want the card %q", r.ID, r.Text, want)
					}
				}
			}
			if !found {
				t.Errorf("inline query %q results = %+v, want %s among them", tc.query, results, tc.want)
			}
		})
	}
	if n := h.rec.count(); n != 0 {
		t.Errorf("dispatcher handled %d inline queries, want none: inline mode has no session", n)
	}
	if n := len(h.srv.Calls("sendMessage")); n != 0 {
		t.Errorf("sendMessage calls = %d, want none for inline queries", n)
	}
}

// TestFloodWait is a 429 storm: the first sends of three chats starting at
// once are refused with retry_after. Every reply still arrives, in order,
// and every 429 is waited out for its retry_after on the bot's clock
// (TestRetryAfterOnTheClock shows that nothing is sent meanwhile).
func TestFloodWait(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) { testFloodWait(t, m) })
	}
}

func testFloodWait(t *testing.T, m mode) {
	h := start(t, m, testContent(t))
	h.srv.Inject(tgtest.Fault{Method: "sendMessage", Code: 429, RetryAfter: 1, Times: 5})
	for _, u := range []tgtest.User{alice, bob, carol} {
		h.srv.SendText(tgtest.PrivateChat(u), u, "/start")
	}
	h.settle()
	for _, u := range []tgtest.User{alice, bob, carol} {
		msgs := h.srv.BotMessages(u.ID)
		if len(msgs) != 1 || len(msgs[0].Buttons) == 0 || !strings.Contains(msgs[0].Text, h.c.Text(h.bot.lang(u.LanguageCode), content.KeyPrivacy)) {
			t.Errorf("chat %s got %+v, want the welcome with the privacy note, in one message", u.FirstName, msgs)
		}
	}
	refused := 0
	for _, c := range h.srv.Calls("sendMessage") {
		if c.Code == 429 {
			refused++
		}
	}
	waited := 0
	for _, w := range h.clock.waited() {
		if w == time.Second {
			waited++
		}
	}
	if waited < refused {
		t.Errorf("the bot waited retry_after (1s) %d times for %d answers 429, want once for each", waited, refused)
	}
	if refused != 5 {
		t.Errorf("429 answers = %d, want 5", refused)
	}
}

func TestServerErrors(t *testing.T) {
	t.Parallel()
	h := start(t, polling, testContent(t))
	h.srv.Inject(tgtest.Fault{Method: "sendMessage", Code: 502, Times: 2})
	h.srv.Inject(tgtest.Fault{Method: "getUpdates", Code: 500, Times: 2})
	// A slow answer: held until the call is seen waiting for it.
	slow := make(chan struct{})
	h.srv.Inject(tgtest.Fault{Method: "sendMessage", Hold: slow})
	h.srv.SendText(tgtest.PrivateChat(alice), alice, "/start")
	h.srv.Await(t, 5*time.Second, "the welcome's slow answer", func() bool { return h.srv.Held() == 1 })
	close(slow)
	h.settle()
	h.srv.Await(t, 5*time.Second, "the welcome", func() bool { return len(h.srv.BotMessages(alice.ID)) == 1 })
	h.srv.Inject(tgtest.Fault{Method: "answerCallbackQuery", Code: 500})
	h.srv.Inject(tgtest.Fault{Method: "editMessageText", Code: 503})
	h.press(alice, h.question(alice).ID, "start/welcome/ok")
	if got := h.question(alice).Text; got != h.txt("start.safe") {
		t.Errorf("after server errors, question = %q, want %q", got, h.txt("start.safe"))
	}
}

func TestRedelivery(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			h := start(t, m, testContent(t))
			h.srv.DuplicateNext()
			h.text(alice, "/start")
			if n := len(h.srv.BotMessages(alice.ID)); n != 1 {
				t.Errorf("after a redelivered /start, %d bot messages, want 1 (handled once)", n)
			}
			q := h.question(alice)
			h.srv.DuplicateNext()
			h.press(alice, q.ID, "start/welcome/ok")
			msgs := h.srv.BotMessages(alice.ID)
			if len(msgs) != 2 || msgs[1].Text != h.txt("start.safe") {
				t.Errorf("after a redelivered press, bot messages = %+v, want one new question", msgs)
			}
			// A webhook redelivery reaches the dispatcher and is recognised
			// there, as one to another instance would be; polling passes
			// over an update it already took in before handing it on.
			want := 4
			if m == polling {
				want = 2
			}
			if n := h.rec.count(); n != want {
				t.Errorf("dispatcher got %d updates, want %d", n, want)
			}
		})
	}
}

func TestWebhookRefusesStrangers(t *testing.T) {
	t.Parallel()
	h := start(t, hooking, testContent(t))
	url, secret := h.srv.Webhook()
	body := `{"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 987650001, "type": "private"}, "text": "/start"}}`
	for _, tc := range []struct {
		name, method, url, secret string
		want                      int
	}{
		{"wrong secret", http.MethodPost, url, "not-the-secret", http.StatusUnauthorized},
		{"no secret", http.MethodPost, url, "", http.StatusUnauthorized},
		{"secret with a prefix", http.MethodPost, url, secret[:len(secret)-1], http.StatusUnauthorized},
		{"get", http.MethodGet, url, secret, http.StatusMethodNotAllowed},
		{"other path", http.MethodPost, strings.TrimSuffix(url, "/hook") + "/other", secret, http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, tc.url, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.secret != "" {
				req.Header.Set("X-Telegram-Bot-Api-Secret-Token", tc.secret)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("%s %s = %d, want %d", tc.method, tc.name, resp.StatusCode, tc.want)
			}
		})
	}
	h.settle()
	if n := h.rec.count(); n != 0 {
		t.Errorf("dispatcher handled %d refused updates, want none", n)
	}
}

func TestIgnoredUpdates(t *testing.T) {
	t.Parallel()
	h := start(t, polling, testContent(t))
	msg := map[string]any{"message_id": 7, "date": 1, "chat": tgtest.PrivateChat(alice), "from": alice, "text": "bewerkt"}
	h.srv.PushRaw(map[string]any{"edited_message": msg})
	h.srv.PushRaw(map[string]any{"channel_post": map[string]any{"message_id": 8, "date": 1, "chat": tgtest.Chat{ID: -100123, Type: "channel"}, "text": "post"}})
	h.srv.PushRaw(map[string]any{"message": map[string]any{"message_id": 9, "date": 1, "chat": tgtest.Chat{ID: -100123, Type: "channel"}, "text": "post"}})
	h.settle()
	if n := h.rec.count(); n != 0 {
		t.Errorf("dispatcher handled %d ignored updates, want none", n)
	}
	if calls := h.srv.Calls("sendMessage"); len(calls) != 0 {
		t.Errorf("sendMessage calls = %d, want none", len(calls))
	}
}

func TestLongText(t *testing.T) {
	t.Parallel()
	h := start(t, polling, testContent(t))
	h.text(alice, "/start")
	long := strings.Repeat("héél lang ", 20000) // 240 kB
	before := len(h.srv.BotMessages(alice.ID))
	h.srv.SendText(tgtest.PrivateChat(alice), alice, long)
	h.settle()
	msgs := h.srv.BotMessages(alice.ID)
	if len(msgs) != before+1 || !strings.HasPrefix(msgs[before].Text, h.txt(content.KeyFreeText)+"\n\n") || len(msgs[before].Buttons) == 0 {
		t.Errorf("after very long text, new messages = %+v, want the free-text line with the question", msgs[before:])
	}
	h.rec.mu.Lock()
	last := h.rec.in[len(h.rec.in)-1]
	h.rec.mu.Unlock()
	if n := len(last.Input.Data); n > flows.MaxInputText {
		t.Errorf("text handed to the dispatcher = %d bytes, want at most %d", n, flows.MaxInputText)
	}
}

func TestLanguage(t *testing.T) {
	t.Parallel()
	c := goodContent(t)
	h := start(t, polling, c)
	h.text(carol, "/start") // carol's Telegram is set to en-GB
	welcome := h.question(carol)
	if want := c.Text("en", "hello") + "\n\n" + c.Text("en", content.KeyPrivacy); welcome.Text != want {
		t.Errorf("welcome for en-GB = %q, want the welcome and the privacy note in English, %q", welcome.Text, want)
	}
	if b, ok := hasButton(welcome, flows.DataSOS); !ok || b.Text != c.Text("en", content.KeyOptSOS) {
		t.Errorf("welcome for en-GB buttons = %+v, want 112 in English", welcome.Buttons)
	}
	langs := map[string]bool{}
	for _, call := range h.srv.Calls("setMyCommands") {
		langs[call.Params.Get("language_code")] = true
	}
	if !langs[""] || !langs["en"] || len(langs) != 2 {
		t.Errorf("setMyCommands languages = %v, want the default (nl) and en", langs)
	}
	h.text(carol, "/taal nl")
	msgs := h.srv.BotMessages(carol.ID)
	if got := msgs[len(msgs)-1].Text; !strings.HasPrefix(got, c.Text("nl", content.KeyLang)+"\n\n") {
		t.Errorf("after /taal nl, got %q, want it to begin with %q", got, c.Text("nl", content.KeyLang))
	}
}

func TestShutdown(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			// A long poll and a drain of an hour: the stop interrupts the
			// one and does not need the other, or the test hangs.
			stopped := &receivingSeen{off: make(chan struct{})}
			h := start(t, m, testContent(t), func(b *Bot) {
				b.LongPoll, b.DrainTimeout = time.Hour, time.Hour
				b.Metrics = stopped
			})
			// A slow send: the reply is still in flight when the stop
			// comes, held at the server until the bot waits for it to
			// finish, and must be delivered all the same.
			slow := make(chan struct{})
			h.srv.Inject(tgtest.Fault{Method: "sendMessage", Hold: slow})
			h.srv.SendText(tgtest.PrivateChat(alice), alice, "/start")
			h.srv.Await(t, 5*time.Second, "the reply to be on its way", func() bool { return h.rec.count() == 1 && h.srv.Held() == 1 })
			addr := ""
			if m == hooking {
				addr = h.bot.Listener.Addr().String()
			}
			go func() {
				defer close(slow)
				if m == polling {
					// Polling has stopped: the drain waits for the reply.
					<-stopped.off
					return
				}
				// The webhook server has closed its listener and waits
				// for the request that waits for the reply.
				for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(time.Millisecond) {
					c, err := net.Dial("tcp", addr)
					if err != nil {
						return
					}
					c.Close()
				}
			}()
			h.stop()
			if n := len(h.srv.BotMessages(alice.ID)); n != 1 {
				t.Errorf("after stop, %d bot messages, want 1: what was received is finished", n)
			}
			if m == polling && h.srv.Pending() != 0 {
				t.Errorf("after stop, %d updates unacknowledged, want 0", h.srv.Pending())
			}
			if m == hooking {
				// The webhook server waited for the request before it
				// closed, so Telegram heard that the update was done.
				h.srv.Await(t, 5*time.Second, "the webhook request to be answered 200", func() bool {
					return slices.ContainsFunc(h.srv.Deliveries(), func(d tgtest.Delivery) bool { return d.Status == http.StatusOK })
				})
			}
		})
	}
}

func TestTokenRejected(t *testing.T) {
	t.Parallel()
	srv := tgtest.New(t)
	const wrong = "999:wrong-token-that-must-not-leak"
	b := &Bot{Token: wrong, Endpoint: srv.Endpoint(), Handler: &recorder{}, Content: testContent(t), Triage: testEngine(t), Backoff: time.Millisecond, Log: slog.New(slog.DiscardHandler)}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := b.Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "rejected the token") {
		t.Fatalf("Run() with a wrong token = %v, want an error saying the token was rejected", err)
	}
	if strings.Contains(err.Error(), wrong) {
		t.Errorf("Run() error %q contains the token", err)
	}
}

// degraded answers as the dispatcher does when the session store is down.
type degraded struct{}

func (degraded) Handle(context.Context, bot.Update) (bot.Outcome, error) {
	return bot.Outcome{Replies: []flows.Reply{{Text: "veiligheidskaart"}}, Degraded: true}, errors.New("store down")
}

func TestStoreDown(t *testing.T) {
	t.Parallel()
	h := start(t, polling, testContent(t), func(b *Bot) { b.Handler = degraded{} })
	h.text(alice, "/start")
	msgs := h.srv.BotMessages(alice.ID)
	if len(msgs) != 1 || msgs[0].Text != "veiligheidskaart" {
		t.Fatalf("with the store down, bot messages = %+v, want only the safety card (no privacy note)", msgs)
	}
	// The card has no options of its own; 112 and the quick exit are
	// still one tap away.
	if got, want := msgs[0].Buttons, [][]tgtest.Button{{{Text: h.txt(content.KeyOptSOS), Data: flows.DataSOS}, {Text: h.txt(content.KeyOptExit), Data: flows.DataExit}}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("safety card buttons = %+v, want %+v", got, want)
	}
}

func TestBlockedUser(t *testing.T) {
	t.Parallel()
	h := start(t, polling, testContent(t))
	h.srv.Inject(tgtest.Fault{Method: "sendMessage", Chat: alice.ID, Code: 403, Description: "Forbidden: bot was blocked by the user"})
	h.text(alice, "/start")
	h.text(bob, "/start")
	if n := len(h.srv.BotMessages(alice.ID)); n != 0 {
		t.Errorf("blocked chat got %d messages, want none", n)
	}
	var tried int
	for _, c := range h.srv.Calls("sendMessage") {
		if c.Chat() == alice.ID {
			tried++
		}
	}
	if tried != 1 {
		t.Errorf("sendMessage to the blocked chat tried %d times, want once: a 403 is final", tried)
	}
	if n := len(h.srv.BotMessages(bob.ID)); n != 1 {
		t.Errorf("other chat got %d messages, want 1", n)
	}
	if !strings.Contains(h.logs.String(), "chat cannot be reached") {
		t.Errorf("logs do not say the chat cannot be reached:\n%s", h.logs.String())
	}
}

func TestShutdownDeadline(t *testing.T) {
	t.Parallel()
	// A send that hangs for good is abandoned at the drain deadline: Run
	// still returns (or the test hangs), and says what it gave up. The
	// send is waiting at the server when the stop comes; the deadline
	// can be short, as no wait would let the send finish.
	h := start(t, polling, testContent(t), func(b *Bot) { b.DrainTimeout = time.Millisecond })
	hang := make(chan struct{})
	defer close(hang)
	h.srv.Inject(tgtest.Fault{Method: "sendMessage", Hold: hang})
	h.srv.SendText(tgtest.PrivateChat(alice), alice, "/start")
	h.srv.Await(t, 5*time.Second, "the reply to be on its way", func() bool { return h.rec.count() == 1 && h.srv.Held() == 1 })
	h.stop()
	if !strings.Contains(h.logs.String(), "abandoned") {
		t.Errorf("logs do not say work was abandoned:\n%s", h.logs.String())
	}
}

// receivingSeen closes off when the bot says it stopped receiving, after
// it said it receives.
type receivingSeen struct {
	noMetrics
	on   atomic.Bool
	once sync.Once
	off  chan struct{}
}

func (r *receivingSeen) Receiving(ok bool) {
	if ok {
		r.on.Store(true)
		return
	}
	if r.on.Load() {
		r.once.Do(func() { close(r.off) })
	}
}
