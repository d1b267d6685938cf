package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"signaal/content"
	"signaal/flows"
	"signaal/understand"
)

// explain prints what the bot understands of a message and why, and the
// answer it would give as the first message of a new chat: for a content
// editor who wants to know why a message went wrong. The message is the
// editor's own; nothing a person sends the bot is ever explained.
func (a *app) explain(_ context.Context, args []string) error {
	fs := a.flagSet("explain")
	dir := fs.String("content", "", "content directory (default: the embedded content)")
	lang := fs.String("lang", content.DefaultLang, "the language the phone is set to")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	text := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("give a message to explain, such as: signaalbot explain \"hij staat voor de deur\"")
	}
	eng, idx, err := buildEngine(*dir, modelCacheDir(a.getenv("MODEL_CACHE")))
	if err != nil {
		return err
	}
	m, tr := idx.Explain(*lang, text)
	w := a.stdout
	fmt.Fprintf(w, "words:      %s\n", strings.Join(tr.Words, " "))
	if len(tr.Masked) != len(tr.Words) {
		fmt.Fprintf(w, "without names: %s\n", strings.Join(tr.Masked, " "))
	}
	fmt.Fprintf(w, "language:   %s", orNone(m.Lang))
	fmt.Fprintf(w, " (words only %s has: %d; letters say %s, %.2f sure", orNone(tr.Exclusive), tr.ExclusiveWords, orNone(tr.Letters), tr.LettersSure)
	for code, ws := range tr.BriefWords {
		fmt.Fprintf(w, "; %s words: %s", code, strings.Join(ws, ", "))
	}
	fmt.Fprintln(w, ")")
	if m.SwitchTo != "" {
		fmt.Fprintf(w, "asks for:   %s\n", m.SwitchTo)
	}
	fmt.Fprintf(w, "danger:     %v", m.Danger)
	if len(tr.Rules) > 0 {
		fmt.Fprintf(w, " (rules: %s)", strings.Join(tr.Rules, "; "))
	}
	if tr.Alone {
		fmt.Fprint(w, " (a cry for help)")
	}
	if tr.RuleInHomeStory {
		fmt.Fprint(w, " (in a story of home with no sign of now, which the model finds unlike danger)")
	}
	fmt.Fprintln(w)
	if tr.DangerModel >= 0 {
		// Asked only when nothing else said danger, and not for a fear or
		// when someone reads along: its figure is shown whatever it said.
		sure := fmt.Sprintf("not sure (needs %.2f)", tr.DangerNeed)
		if tr.DangerSure {
			sure = "sure"
		}
		fmt.Fprintf(w, "model:      danger %.2f, %s; weighing most:", tr.DangerModel, sure)
		for _, ww := range tr.DangerWords {
			fmt.Fprintf(w, " %s %+.2f", ww.Word, ww.Weight)
		}
		fmt.Fprintln(w)
	}
	if len(tr.Signs) > 0 {
		fmt.Fprint(w, "signs:     ")
		for kind, ws := range tr.Signs {
			fmt.Fprintf(w, " %s [%s]", kind, strings.Join(ws, "; "))
		}
		if tr.SignsInStory {
			fmt.Fprint(w, "; part of a story the model is sure tells no danger now")
		}
		fmt.Fprintln(w)
	}
	if tr.Asked != "" || tr.TopicOf != "" {
		// What the models learnt from content/data/messages are sure of;
		// a question takes the contact, what someone tells the topic.
		fmt.Fprintf(w, "models:     asks for %s; tells about %s\n", orNone(tr.Asked), orNone(tr.TopicOf))
	}
	fmt.Fprintf(w, "fear:       %v\nwatched:    %v\n", m.Fear, m.Watched)
	intent, topic := "none", "none"
	if m.Intent != nil {
		intent = m.Intent.ID + " (" + m.Intent.Kind + ")"
	}
	if m.Topic != nil {
		topic = m.Topic.ID
	}
	fmt.Fprintf(w, "intent:     %s; topic %s\n", intent, topic)
	fmt.Fprintf(w, "who:        %s; age %s; at home %v\n", orNone(m.Who), ageName(m.Age), m.Home)
	if len(tr.Markers) > 0 {
		fmt.Fprint(w, "markers:   ")
		for name, ws := range tr.Markers {
			fmt.Fprintf(w, " %s [%s]", name, strings.Join(ws, "; "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "scores (similarity to the nearest example, + keyword):")
	for i, s := range tr.Scores {
		if i == 6 {
			break
		}
		kw := ""
		if s.Keyword {
			kw = " + keyword"
		}
		fmt.Fprintf(w, "  %-10s %-10s %.2f%s  nearest: %q\n", s.ID, s.Kind, s.Similarity, kw, s.Nearest)
	}
	in := flows.Input{Kind: flows.Text, Data: text, Lang: *lang}
	var res flows.Result
	if eng.Leaves(in) {
		res = eng.Forget(*lang)
	} else {
		res = eng.Step(flows.Session{}, in, time.Now())
	}
	fmt.Fprintln(w, "answer:")
	printAnswer(w, res)
	return nil
}

func printAnswer(w io.Writer, res flows.Result) {
	if res.Forget {
		fmt.Fprintln(w, "  (quick exit: the conversation is wiped)")
	}
	for _, r := range res.Replies {
		for _, line := range strings.Split(r.Text, "\n") {
			fmt.Fprintf(w, "  | %s\n", line)
		}
		for _, o := range r.Options {
			fmt.Fprintf(w, "  [%s]\n", o.Label)
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func ageName(a understand.Age) string {
	switch a {
	case understand.AgeMinor:
		return "under 18"
	case understand.AgeAdult:
		return "18 or older"
	}
	return "not given"
}
