package flows

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"signaal/content"
)

// validation checks what New compiled, as caddy's Validate checks what
// Provision built: the machine that runs says which states can be reached,
// whether branch states settle and whether a question leads anywhere, and
// the replies the engine renders, in every language, are measured against
// the channel the content was loaded for (content.Limits) and a phone's
// buttons (content.MaxLabelLen). Nothing is walked or laid out a second
// time. Every problem stands at the file and line of the content behind
// it.
func (e *Engine) validation() *validation {
	return &validation{e: e, seen: map[content.Problem]bool{}}
}

type validation struct {
	e    *Engine
	ps   content.Problems
	seen map[content.Problem]bool // a button shared by replies is reported once
}

func (v *validation) addf(file string, line int, format string, args ...any) {
	p := content.Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	if !v.seen[p] {
		v.seen[p] = true
		v.ps = append(v.ps, p)
	}
}

// graph asks the machine where every move leads: a state that no move
// from where conversations begin reaches is content nobody will read; a
// question that nothing leads on from leaves the person stuck; branch
// states that lead round to each other never settle on something to show.
func (v *validation) graph() {
	e := v.e
	moves := map[string][]transition{}
	reached := map[string]bool{}
	queue := []string{none}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		moves[n] = e.m.transitions(n)
		for _, t := range moves[n] {
			if !reached[t.to] {
				reached[t.to] = true
				queue = append(queue, t.to)
			}
		}
	}
	for _, id := range e.c.FlowOrder {
		f := e.c.Flows[id]
		for _, s := range f.States {
			n := nodeName(id, s.ID)
			if !reached[n] {
				v.addf(f.File, s.Line, "state %q is unreachable from start %q", s.ID, f.Start)
				moves[n] = e.m.transitions(n)
			}
			if e.shows(id, s.ID) && !s.End && len(moves[n]) == 0 && !leaves(s) {
				v.addf(f.File, s.Line, "state %q is a dead end: no options and not marked 'end: true'", s.ID)
			}
		}
	}
	v.branchLoops(moves)
}

// leaves reports whether a state has an option that leaves the
// conversation (content.Option Leave), which the engine answers before
// the machine moves.
func leaves(s *content.State) bool {
	for _, o := range s.Options {
		if o.Leave != "" {
			return true
		}
	}
	return false
}

// branchLoops reports branch states whose rules lead round to each other.
// The engine follows rules until it reaches a state that shows something,
// and in such a loop it never would. Any rule may hold, as far as New can
// tell, so every rule's move counts.
func (v *validation) branchLoops(moves map[string][]transition) {
	e := v.e
	const (
		unseen = iota
		onPath
		done
	)
	mark := map[string]int{}
	var path []string
	var visit func(n string)
	visit = func(n string) {
		mark[n] = onPath
		path = append(path, n)
		to := map[string]string{}
		for _, t := range moves[n] {
			to[t.event] = t.to
		}
		for _, ev := range e.m.rules[n] {
			next := to[ev]
			if len(e.m.rules[next]) == 0 {
				continue // a state that shows something ends the walk
			}
			switch mark[next] {
			case unseen:
				visit(next)
			case onPath:
				var loop []string
				for i := len(path) - 1; i >= 0; i-- {
					loop = append([]string{strconv.Quote(refOf(path[i]).state)}, loop...)
					if path[i] == next {
						break
					}
				}
				loop = append(loop, strconv.Quote(refOf(next).state))
				at := refOf(next)
				f := e.c.Flows[at.flow]
				v.addf(f.File, f.State(at.state).Line, "branch states lead round in a loop without reaching a question or an ending: %s", strings.Join(loop, " -> "))
			}
		}
		path = path[:len(path)-1]
		mark[n] = done
	}
	for _, id := range e.c.FlowOrder {
		for _, s := range e.c.Flows[id].States {
			if n := nodeName(id, s.ID); len(e.m.rules[n]) > 0 && mark[n] == unseen {
				visit(n)
			}
		}
	}
}

// replies measures every reply the engine renders: each question and
// ending in its longest form, the welcome with its choice of language,
// and the engine's own answers.
func (v *validation) replies() {
	e := v.e
	for _, id := range e.c.FlowOrder {
		f := e.c.Flows[id]
		for _, s := range f.States {
			if !e.shows(id, s.ID) {
				continue
			}
			for _, lang := range e.c.Langs {
				r := e.longest(f, s, lang)
				v.text(f.File, s.Line, fmt.Sprintf("state %q", s.ID), lang, r.Text)
				v.buttons(lang, f, s, r.Options)
			}
		}
	}
	for _, lang := range e.c.Langs {
		for _, r := range e.Welcome(lang) {
			v.buttons(lang, e.c.Flows[e.welcome.flow], e.c.Flows[e.welcome.flow].State(e.welcome.state), r.Options)
		}
		sys := e.sysReply[lang]
		for _, m := range []struct {
			what, key string
			r         Reply
		}{
			{"the emergency answer", content.KeyEmergency, sys.emergency},
			{"the safety card", content.KeyUnavailable, sys.safety},
			{"the line of the quick exit", content.KeyExit, sys.exit},
		} {
			file, line := e.c.TextAt(lang, m.key)
			v.text(file, line, fmt.Sprintf("text %q: %s", m.key, m.what), lang, m.r.Text)
			v.buttons(lang, nil, nil, m.r.Options)
		}
	}
}

// text reports a reply too long for one message of the channel.
func (v *validation) text(file string, line int, what, lang, text string) {
	lim := v.e.c.Limits()
	if lim.MaxText <= 0 || lim.TextLen == nil {
		return
	}
	if n := lim.TextLen(text); n > lim.MaxText {
		v.addf(file, line, "%s in %s is %d characters; %s allows %d", what, lang, n, lim.Channel, lim.MaxText)
	}
}

// buttons reports a button whose label a phone would cut off, or whose
// data the channel would refuse. A button of the content's stands at its
// option; one of the engine's own at the text of its label.
func (v *validation) buttons(lang string, f *content.Flow, s *content.State, opts []Option) {
	lim := v.e.c.Limits()
	for _, o := range opts {
		file, line, what := v.buttonAt(lang, f, s, o)
		if n := utf8.RuneCountInString(o.Label); n > content.MaxLabelLen {
			v.addf(file, line, "%s: label in %s is %d characters; keep buttons to %d", what, lang, n, content.MaxLabelLen)
		}
		if lim.MaxOptionData > 0 && len(o.Data) > lim.MaxOptionData {
			v.addf(file, line, "%s: data %q is %d bytes; %s allows %d", what, o.Data, len(o.Data), lim.Channel, lim.MaxOptionData)
		}
	}
}

// ownButtons are the text keys of the labels of the buttons the engine
// adds itself.
var ownButtons = []string{content.KeyOptSOS, content.KeyOptExit, content.KeyOptBack, content.KeyOptRestart,
	content.KeyOptResume, content.KeyOptBegin, content.KeyLangName}

// buttonAt says where a button comes from: the option of state s behind
// it, or the text of one of the engine's own buttons, in lang or, for the
// choice of language, in the language it names.
func (v *validation) buttonAt(lang string, f *content.Flow, s *content.State, o Option) (file string, line int, what string) {
	e := v.e
	if f != nil && s != nil {
		if co := e.flows[f.ID].options[s.ID][o.Data]; co != nil {
			return f.File, co.Line, fmt.Sprintf("option %q", co.ID)
		}
	}
	langs := append([]string{lang}, e.c.Langs...)
	for _, l := range langs {
		for _, key := range ownButtons {
			if t, ok := e.c.Texts[l][key]; ok && t == o.Label {
				file, line := e.c.TextAt(l, key)
				return file, line, fmt.Sprintf("text %q", key)
			}
		}
	}
	file, _ = e.c.TextAt(lang, "")
	return file, 0, fmt.Sprintf("button %q", o.Label)
}

// maxWhenForms bounds the combinations of answers tried for the longest
// form of an ending with When rules: far more than any ending has (the
// shipped content's have at most 2×2×2), few enough to try at start-up.
const maxWhenForms = 1 << 10

// lengthDay is the day the longest forms are rendered on: a report's date
// has the same length on every day (content.DutchDate).
var lengthDay = time.Date(2026, time.November, 27, 12, 0, 0, 0, time.UTC)

// longest renders the longest form of a state's reply in lang, with the
// back option, by the renderer that answers conversations: a report with
// the longest answer for every item, an ending with every contact's longer
// line of opening hours and with the When rules that add most.
func (e *Engine) longest(f *content.Flow, s *content.State, lang string) Reply {
	textLen := utf8.RuneCountInString
	if lim := e.c.Limits(); lim.TextLen != nil {
		textLen = lim.TextLen
	}
	open := func(ct *content.Contact) bool {
		return textLen(e.c.OpenLine(lang, ct, true)) > textLen(e.c.OpenLine(lang, ct, false))
	}
	base := Session{Flow: f.ID, State: s.ID, Lang: lang, Back: []Step{{Flow: f.ID, State: s.ID}}}
	if rep := e.flows[f.ID].reports[s.ID]; rep != nil {
		base.Signals = rep.longestAnswers(lang, textLen)
	}
	var best Reply
	for i, form := range whenForms(s) {
		sess := base
		sess.Signals = append(append([]string(nil), base.Signals...), form...)
		if r := e.question(sess, lengthDay, open); i == 0 || textLen(r.Text) > textLen(best.Text) {
			best = r
		}
	}
	return best
}

// longestAnswers are the signals under which a report in lang is longest:
// for every signal key it lists, the value whose answers are longest, or
// none when the text for an answer not given is longer.
func (r *report) longestAnswers(lang string, textLen func(string) int) []string {
	var sigs []string
	done := map[string]bool{}
	for _, it := range r.items {
		if done[it.key] {
			continue
		}
		done[it.key] = true
		score := func(value string) int {
			n := 0
			for _, other := range r.items {
				if other.key != it.key {
					continue
				}
				answer, ok := other.answers[lang][value]
				if !ok {
					answer = r.none[lang]
				}
				n += textLen(answer)
			}
			return n
		}
		best, bestLen := "", score("")
		for value := range it.answers[lang] {
			if n := score(value); n > bestLen || n == bestLen && value < best {
				best, bestLen = value, n
			}
		}
		if best != "" {
			sigs = append(sigs, it.key+"="+best)
		}
	}
	return sigs
}

// whenForms lists the answers under which an ending's When rules can hold
// together: one value for every signal key the rules test, in every
// combination (up to maxWhenForms). A rule only ever adds to an ending, so
// the longest form is among them. A state without rules has one form.
func whenForms(s *content.State) [][]string {
	var keys []string
	values := map[string][]string{}
	for _, w := range s.When {
		for _, sig := range w.If {
			k, val, _ := strings.Cut(sig, "=")
			if _, ok := values[k]; !ok {
				keys = append(keys, k)
			}
			if !slices.Contains(values[k], val) {
				values[k] = append(values[k], val)
			}
		}
	}
	forms := [][]string{nil}
	for _, k := range keys {
		var next [][]string
		for _, form := range forms {
			for _, val := range values[k] {
				if len(next) == maxWhenForms {
					break
				}
				next = append(next, append(append([]string(nil), form...), k+"="+val))
			}
		}
		forms = next
	}
	return forms
}
