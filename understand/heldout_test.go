package understand_test

import (
	"strings"
	"testing"

	"signaal/content"
	"signaal/flows"
)

// heldOut is one round of messages written to measure how the bot reads
// what it has never seen, and the floors it must keep: the least messages
// right, the least danger messages answered with 112 first, and the most
// other messages answered with 112 first.
type heldOut struct {
	file                     string
	right, dangers, maxFalse int
}

// heldOutRounds are the held-out rounds. Round 1 was written before the
// understanding was changed for it and measured at 115 of 144 right,
// danger 44 of 56, 10 of 88 answered as danger; the method was then
// changed with it in view, so its floors are the figures reached after,
// and it is a check against going back rather than a measure of first
// sight. Rounds 2 to 4 were each written after the changes before them
// and measured once; their floors are what they got at first sight, and
// the understanding is never tuned on them: a change goes in for the kind
// of thing a message says, checked on other messages, and a later round
// measures it.
var heldOutRounds = []heldOut{
	{file: "heldout.txt", right: 143, dangers: 56, maxFalse: 0},
	{file: "heldout2.txt", right: 62, dangers: 19, maxFalse: 4},
	{file: "heldout3.txt", right: 37, dangers: 13, maxFalse: 3},
	{file: "heldout4.txt", right: 37, dangers: 19, maxFalse: 6},
}

// judgeAny is judge for a row whose want may name several contacts
// ("tell:veilig-thuis,keerpunt"): the answer is right when it is right
// for one of them.
func judgeAny(c *content.Content, r row, res flows.Result) string {
	msg := ""
	for _, id := range strings.Split(r.wantID, ",") {
		one := r
		one.wantID = id
		if msg = judge(c, one, res); msg == "" {
			return ""
		}
	}
	return msg
}

// TestHeldOut reads each held-out round where its messages arrive, and
// reports the share right, the danger messages answered with 112 first,
// and the other messages answered with 112 first; each must stay within
// its round's floors. Every message is sent at the end of the young
// people's flow too, where no contact that is not for young people may
// be shown (unless asked for by name).
func TestHeldOut(t *testing.T) {
	e, c := engine(t)
	jongEnd := sessionAt(t, e, "jong-end")
	for _, round := range heldOutRounds {
		t.Run(round.file, func(t *testing.T) {
			var right, dangers, dangersRight, calm, falseDanger int
			for _, r := range readRows(t, round.file) {
				res := e.Step(sessionAt(t, e, r.where), flows.TextInput(r.input), tuesday)
				msg := judgeAny(c, r, res)
				if msg == "" {
					right++
				} else {
					t.Logf("%s:%d: %s %q = %s", round.file, r.line, r.want, r.message, msg)
				}
				if r.kind == "danger" {
					dangers++
					if msg == "" {
						dangersRight++
					}
				} else {
					calm++
					if ids := shown(c, res.Replies[0].Text); len(ids) > 0 && ids[0] == "alarm112" {
						falseDanger++
					}
				}
				for _, rep := range e.Step(jongEnd, flows.TextInput(r.message), tuesday).Replies {
					for _, id := range shown(c, rep.Text) {
						if ct := c.Contacts[id]; !ct.For("jongeren") && !named(ct, r.message) {
							t.Errorf("%s:%d: %q shows %s (for %s) to a young person", round.file, r.line, r.message, id, strings.Join(ct.Audience, ", "))
						}
					}
				}
			}
			total := dangers + calm
			t.Logf("%s: %d of %d right (%.1f%%); danger %d of %d (%.1f%%); answered as danger without being it %d of %d (%.1f%%)",
				round.file, right, total, pct(right, total), dangersRight, dangers, pct(dangersRight, dangers), falseDanger, calm, pct(falseDanger, calm))
			if right < round.right {
				t.Errorf("%s: %d right, want at least %d", round.file, right, round.right)
			}
			if dangersRight < round.dangers {
				t.Errorf("%s: danger %d right, want at least %d", round.file, dangersRight, round.dangers)
			}
			if falseDanger > round.maxFalse {
				t.Errorf("%s: %d answered as danger without being it, want at most %d", round.file, falseDanger, round.maxFalse)
			}
		})
	}
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
