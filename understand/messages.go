package understand

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"signaal/content"
)

// messagesDir holds messages that people wrote, as a person would type
// them to the bot, each with what a good answer does: the rounds of
// messages written by people who had not seen the examples, once they
// have been learnt from. The danger model learns from them which
// situations are danger now (see dangerModel).
const messagesDir = "messages"

// Message is one line of a file in messages/:
//
//	lang | want | message
//
// lang is the language it is written in (a content language or a
// brief's); want is what a good answer does: danger[:topic],
// tell:topic:who:age, fear[:topic], ask:contact, watched, exit, chat or
// lang.
type Message struct {
	File string
	Line int
	Lang string
	Want string
	Kind string   // the part of Want before the first colon
	Args []string // the parts after it
	Text string
}

// wantArgs are the kinds of want and how many parts each needs after its
// colon (at least; a topic after danger and fear may be left out).
var wantArgs = map[string]int{
	"danger": 0, "tell": 3, "fear": 0, "ask": 1, "watched": 0, "exit": 0, "chat": 0, "lang": 0,
}

// The words a want may use after tell, danger and fear. A topic is one of
// the three kinds of exploitation, violence at home, or a story whose
// writer doubts it is exploitation at all; who is the writer (me), their
// child, someone else they know (other), or a professional's pupil,
// client, patient or guest (pupil); the age is that of whom it is about.
// A word outside these would count as a class of its own, or as nothing.
var (
	wantTopics = []string{"sexual", "criminal", "labour", "home", "doubt"}
	wantWho    = []string{"me", "child", "other", "pupil"}
	wantAges   = []string{"minor", "adult", "unknown"}
)

// ParseMessages reads the lines of one file of messages/; report is told
// of each line that is not a message, with its line number. Lines that are
// empty or start with # are not messages.
func ParseMessages(file string, b []byte, report func(line int, msg string)) []Message {
	var out []Message
	for i, line := range bytes.Split(b, []byte("\n")) {
		s := strings.TrimSpace(string(line))
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		parts := strings.SplitN(s, "|", 3)
		if len(parts) != 3 {
			report(i+1, "want lang | want | message")
			continue
		}
		m := Message{File: file, Line: i + 1, Lang: strings.TrimSpace(parts[0]), Want: strings.TrimSpace(parts[1]), Text: strings.TrimSpace(parts[2])}
		kind, rest, _ := strings.Cut(m.Want, ":")
		m.Kind = kind
		if rest != "" {
			m.Args = strings.Split(rest, ":")
		}
		need, ok := wantArgs[kind]
		switch {
		case !ok:
			report(m.Line, "unknown want "+kind+": one of danger, tell, fear, ask, watched, exit, chat, lang")
			continue
		case len(m.Args) < need:
			report(m.Line, fmt.Sprintf("%s needs %d parts after %s:", m.Want, need, kind))
			continue
		case m.Text == "":
			report(m.Line, "the message is empty")
			continue
		}
		if bad := badArgs(m); bad != "" {
			report(m.Line, bad)
			continue
		}
		out = append(out, m)
	}
	return out
}

// badArgs says what is wrong with the topic, who and age of a want, or
// returns "".
func badArgs(m Message) string {
	switch m.Kind {
	case "tell":
		for i, allowed := range [][]string{wantTopics, wantWho, wantAges} {
			if !slices.Contains(allowed, m.Args[i]) {
				return fmt.Sprintf("%s: %q is not one of %s", m.Want, m.Args[i], strings.Join(allowed, ", "))
			}
		}
	case "danger", "fear":
		if len(m.Args) > 0 && !slices.Contains(wantTopics, m.Args[0]) {
			return fmt.Sprintf("%s: %q is not one of %s", m.Want, m.Args[0], strings.Join(wantTopics, ", "))
		}
	}
	return ""
}

// messagesPart is messages/ as a part of the content.
type messagesPart struct {
	ms []Message
}

var _ content.Part = (*messagesPart)(nil)

func (p *messagesPart) File() string { return messagesDir }

func (p *messagesPart) Decode(k *content.Checker) {
	files, _ := k.Files()
	for _, f := range files {
		p.ms = append(p.ms, ParseMessages(f.Name, f.Data, func(line int, msg string) {
			k.ErrorfAt(f.Name, line, "%s", msg)
		})...)
	}
}

// Validate checks that a message asking for a contact names one that
// exists, so that what the messages say stays true to contacts.yaml.
func (p *messagesPart) Validate(c *content.Content, k *content.Checker) {
	for _, m := range p.ms {
		if m.Kind == "ask" && c.Contacts[m.Args[0]] == nil {
			k.ErrorfAt(m.File, m.Line, "ask:%s: contacts.yaml has no contact %q", m.Args[0], m.Args[0])
		}
	}
}
