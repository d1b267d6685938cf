package loadsim

import (
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"signaal/bot/telegram/tgtest"
	"signaal/content"
	"signaal/flows"
)

// Spike is a campaign moment, as the grammY peer's --spike plays it
// (../shared/bench/grammy-peer/bench.js): Users people arrive evenly over
// Arrive and send /start; each reads ReadMin to ReadMax (1-3 s) after
// every answer and presses an option of the question on screen; every
// 20th person (the 1st, the 21st, ...) presses "112 Noodhulp" as its
// second press. Beyond the peer's scenario, every 25th person (the 25th,
// the 50th, ..., none of them a 112 presser) leaves with the quick exit as
// its second press, pressing "Snel weg" or typing it in turn, so that the
// run shows when the deletions begin; a person who left presses no more.
// People stop pressing once the run's Duration is over; everyone's /start
// is answered whatever the duration. Telegram's limits
// are kept, by the Bot API (tgtest.TelegramLimits) and by the bot, whose
// own limits are left as serve sets them.
type Spike struct {
	Arrive time.Duration
	// ReadMin and ReadMax bound the reading pause after an answer (1s
	// and 3s when zero).
	ReadMin, ReadMax time.Duration
	// MinPresses is how many presses each person makes even after the
	// duration is over, so that a short test run sees the 112 presses; 0
	// in the peer's scenario.
	MinPresses int
}

// NoodEvery is how often a person presses 112 as its second press: every
// 20th, as in the peer's scenario.
const NoodEvery = 20

// ExitEvery is how often a person leaves with the quick exit as its second
// press: every 25th, counted so that no 112 presser is one.
const ExitEvery = 25

// spikeWait is how long a person of a spike waits for an answer: under
// Telegram's limits 300 welcomes alone take ten seconds.
const spikeWait = 2 * time.Minute

// SpikeFigures are the figures of a spike, with the peer's keys.
type SpikeFigures struct {
	ArriveS     float64 `json:"arrive_s"`
	FirstP50    float64 `json:"first_p50_ms"`
	FirstP99    float64 `json:"first_p99_ms"`
	FirstMax    float64 `json:"first_max_ms"`
	NoodN       int     `json:"nood_n"`
	NoodP50     float64 `json:"nood_p50_ms"`
	NoodP99     float64 `json:"nood_p99_ms"`
	NoodMax     float64 `json:"nood_max_ms"`
	Nood112     int     `json:"nood_112_first"`
	CallsPer    float64 `json:"calls_per_update"`
	MessagesPer float64 `json:"messages_per_update"`
	Retries429  int64   `json:"retries_429"`
	FirstMsgs   int     `json:"first_messages"`
	FloorS      float64 `json:"floor_s"`
	AllFirstByS float64 `json:"all_first_by_s"`
	// The quick exits: how many, and how long from the press (or the
	// typed "Snel weg") until the bot asked Telegram to delete the
	// conversation.
	ExitN              int     `json:"exit_n"`
	ExitFirstDeleteP50 float64 `json:"exit_first_delete_p50_ms"`
	ExitFirstDeleteP99 float64 `json:"exit_first_delete_p99_ms"`
	ExitFirstDeleteMax float64 `json:"exit_first_delete_max_ms"`
}

// spikeRun gathers what the people of a spike saw.
type spikeRun struct {
	cfg Spike

	mu        sync.Mutex
	first     []time.Duration
	nood      []time.Duration
	nood112   int
	firstMsgs int
	arrived   time.Time // the first arrival
	lastFirst time.Time // the last whole first answer
	started   atomic.Bool
	// leaving holds, for each chat whose quick exit was sent and whose
	// deletion has not begun, when the exit was sent; exitDel the time
	// from there to the first deletion.
	leaving map[int64]time.Time
	exitDel []time.Duration
}

// leave notes that chat sent its quick exit at t0.
func (s *spikeRun) leave(chat int64, t0 time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.leaving == nil {
		s.leaving = map[int64]time.Time{}
	}
	s.leaving[chat] = t0
}

// deleting is told of every deletion the bot asks of the Bot API, as it
// asks: the first in a chat that left is when its deletions began.
func (s *spikeRun) deleting(chat int64) {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if t0, ok := s.leaving[chat]; ok {
		delete(s.leaving, chat)
		s.exitDel = append(s.exitDel, now.Sub(t0))
	}
}

// person plays one person of a spike in its one chat.
func (s *spikeRun) person(l *Run, t *tgRun, u *simUser, i int) {
	defer func() { l.addLatencies(u.lat) }()
	c := u.chats[0]
	time.Sleep(time.Duration(int64(s.cfg.Arrive) * int64(i) / int64(len(t.users))))
	t0 := time.Now()
	s.mu.Lock()
	if !s.started.Load() || t0.Before(s.arrived) {
		s.arrived = t0
		s.started.Store(true)
	}
	s.mu.Unlock()
	before := t.api.BotWrites(c.chat.ID)
	d, ok := s.post(l, t, u, c, u.text(t.api, c, "/start"))
	if ok {
		s.mu.Lock()
		s.first = append(s.first, d)
		s.firstMsgs += t.api.BotWrites(c.chat.ID) - before
		if at := t0.Add(d); at.After(s.lastFirst) {
			s.lastFirst = at
		}
		s.mu.Unlock()
	}
	c.read(t.api)
	lo, hi := s.cfg.ReadMin, s.cfg.ReadMax
	if lo <= 0 && hi <= 0 {
		lo, hi = time.Second, 3*time.Second
	}
	for press := 1; ; press++ {
		if l.stop.Load() && press > s.cfg.MinPresses {
			return
		}
		time.Sleep(lo + time.Duration(u.rng.Int64N(int64(max(1, hi-lo)))))
		if l.stop.Load() && press > s.cfg.MinPresses {
			return
		}
		nood := press == 2 && i%NoodEvery == 0
		exit := press == 2 && i%ExitEvery == ExitEvery-1
		var body []byte
		switch {
		case c.q == nil:
			body = u.text(t.api, c, "/start")
		case nood && index(c.q, flows.DataSOS) >= 0:
			body = u.press(t.api, c, c.q, index(c.q, flows.DataSOS))
		case nood:
			body = u.text(t.api, c, u.sos) // typed: the label works as the button
		case exit && index(c.q, flows.DataExit) >= 0 && (i/ExitEvery)%2 == 0:
			body = u.press(t.api, c, c.q, index(c.q, flows.DataExit))
		case exit:
			body = u.text(t.api, c, u.exit)
		default:
			body = u.press(t.api, c, c.q, u.pick(c.q))
		}
		last := lastBotMessage(t.api, c.chat.ID)
		if exit {
			s.leave(c.chat.ID, time.Now())
			s.post(l, t, u, c, body)
			return // the conversation is gone from the screen, and the person with it
		}
		d, ok := s.post(l, t, u, c, body)
		if ok && nood {
			s.mu.Lock()
			s.nood = append(s.nood, d)
			if first := firstBotMessageAfter(t.api, c.chat.ID, last); strings.Contains(first, "112") {
				s.nood112++
			}
			s.mu.Unlock()
		}
		c.read(t.api)
	}
}

// post hands an update to the webhook and waits for its whole answer; it
// returns how long that took and whether the answer reached the chat.
func (s *spikeRun) post(l *Run, t *tgRun, u *simUser, c *simChat, body []byte) (time.Duration, bool) {
	defer l.check()
	d, ok, _ := u.deliver(l, t, c, body, spikeWait)
	return d, ok
}

// lastBotMessage is the id of the newest message the bot sent to chat, or
// 0.
func lastBotMessage(api *tgtest.Server, chat int64) int {
	msgs := api.BotMessages(chat)
	if len(msgs) == 0 {
		return 0
	}
	return msgs[len(msgs)-1].ID
}

// firstBotMessageAfter is the text of the first message the bot sent to
// chat after message id, or "".
func firstBotMessageAfter(api *tgtest.Server, chat int64, id int) string {
	for _, m := range api.BotMessages(chat) {
		if m.ID > id {
			return m.Text
		}
	}
	return ""
}

// figures are the spike's figures, from what the people saw and what the
// Bot API counted.
func (s *spikeRun) figures(res *Result, api *tgtest.Server, chats []*simChat) *SpikeFigures {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms := func(d []time.Duration, q float64) float64 {
		if len(d) == 0 {
			return 0
		}
		slices.Sort(d)
		v := float64(d[min(len(d)-1, int(q*float64(len(d))))]) / 1e6
		return math.Round(v*10) / 10
	}
	writes := 0
	for _, c := range chats {
		writes += api.BotWrites(c.chat.ID)
	}
	n := api.Counts()
	f := &SpikeFigures{
		ArriveS:  s.cfg.Arrive.Seconds(),
		FirstP50: ms(s.first, 0.5), FirstP99: ms(s.first, 0.99), FirstMax: ms(s.first, 1),
		NoodN: len(s.nood), NoodP50: ms(s.nood, 0.5), NoodP99: ms(s.nood, 0.99), NoodMax: ms(s.nood, 1),
		Nood112:     s.nood112,
		CallsPer:    float64(n.Calls) / max(1, float64(res.Updates)),
		MessagesPer: float64(writes) / max(1, float64(res.Updates)),
		Retries429:  n.Limited,
		FirstMsgs:   s.firstMsgs,
		FloorS:      float64(s.firstMsgs) / telegramRate,
	}
	f.ExitN = len(s.exitDel)
	f.ExitFirstDeleteP50, f.ExitFirstDeleteP99, f.ExitFirstDeleteMax = ms(s.exitDel, 0.5), ms(s.exitDel, 0.99), ms(s.exitDel, 1)
	if s.started.Load() && !s.lastFirst.IsZero() {
		f.AllFirstByS = math.Round(s.lastFirst.Sub(s.arrived).Seconds()*100) / 100
	}
	return f
}

// telegramRate is Telegram's limit on the messages a bot sends, a second.
const telegramRate = 30

// sosLabel is the label of the 112 button in Dutch, which works typed too.
func sosLabel(c *content.Content) string { return c.Text(content.DefaultLang, content.KeyOptSOS) }
