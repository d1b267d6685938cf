// Package console is the terminal channel: a conversation with the bot on
// standard input and output. People use it to try the bot without Telegram;
// scripts and tests use its JSON mode to drive it turn by turn.
package console

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"signaal/bot"
	"signaal/flows"
)

// Platform names this channel in store keys.
const Platform = "console"

// maxLine bounds one input line. Longer input is cut: no answer needs more,
// and the engine never has to look at megabytes of text.
const maxLine = 4096

// Console runs one conversation.
type Console struct {
	Handler bot.Handler
	In      io.Reader
	Out     io.Writer
	// JSON prints every bot message as one JSON object per line, followed
	// by {"await": true} once the bot waits for input.
	JSON bool
	// Lang is the language to start in; empty for the default.
	Lang string
	// WaitFirst waits for the person to write first, instead of opening
	// with the welcome: as in a messenger, where someone may type before
	// the bot has said anything, or after their conversation expired.
	WaitFirst bool
}

// optionData matches what the engine puts behind a button, so that a
// script can press any button, also one from an earlier question: the
// engine's own ("!sos", "!go:sexual/me/minor") and the content's
// ("flow/state/option").
var optionData = regexp.MustCompile(`^(![a-z]+(:[a-z0-9_/-]+)?|[a-z0-9_-]+/[a-z0-9_-]+/[a-z0-9_-]+)$`)

// Run shows the welcome (unless WaitFirst), then reads one input a line
// until the input ends or ctx is done. Errors of the session store do not stop it: the user sees
// the safety card and can go on.
func (c *Console) Run(ctx context.Context) error {
	var last []flows.Option // the options on screen, for numbers
	turn := func(in flows.Input) error {
		in.Lang = c.Lang
		out, _ := c.Handler.Handle(ctx, bot.Update{Platform: Platform, ChatID: 1, Input: in})
		if out.Forget {
			// The quick exit: what was on screen goes, so that
			// nobody looking at it afterwards reads what it was.
			if err := c.clear(); err != nil {
				return err
			}
			last = nil
		}
		for _, r := range out.Replies {
			if len(r.Options) > 0 {
				last = r.Options
			}
			if err := c.print(r); err != nil {
				return err
			}
		}
		return c.prompt()
	}
	if c.WaitFirst {
		if err := c.prompt(); err != nil {
			return err
		}
	} else if err := turn(flows.TextInput("/start")); err != nil {
		return err
	}
	r := bufio.NewReaderSize(c.In, maxLine)
	for {
		line, err := readLine(r)
		if ctx.Err() != nil {
			return nil
		}
		if line = strings.TrimSpace(line); line != "" {
			if err := turn(c.input(line, last)); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine reads one line of any length and returns at most its first
// maxLine bytes, cut at a character boundary: a pasted megabyte is read
// past, not choked on, and the conversation goes on with what the engine
// can use.
func readLine(r *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if room := maxLine - len(b); room > 0 {
			b = append(b, chunk[:min(room, len(chunk))]...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return strings.ToValidUTF8(string(b), ""), err
	}
}

// exitKey is the number of the quick exit on every screen: the same key
// whatever the question, so that a frightened person can press it without
// reading. The other options are numbered from 1.
const exitKey = 0

// numbered returns the options as the screen numbers them from 1: all but
// the quick exit, which is exitKey.
func numbered(opts []flows.Option) []flows.Option {
	out := make([]flows.Option, 0, len(opts))
	for _, o := range opts {
		if o.Data != flows.DataExit {
			out = append(out, o)
		}
	}
	return out
}

// input turns a line into an input: exitKey, the number of an option on
// screen, an option's data, or else text (which the engine matches against
// labels).
func (c *Console) input(line string, last []flows.Option) flows.Input {
	if n, err := strconv.Atoi(line); err == nil {
		opts := numbered(last)
		switch {
		case n == exitKey:
			// Always there, whether the screen shows it or not.
			return flows.ChoiceInput(flows.DataExit)
		case n >= 1 && n <= len(opts):
			return flows.ChoiceInput(opts[n-1].Data)
		}
	}
	if optionData.MatchString(line) {
		return flows.ChoiceInput(line)
	}
	return flows.TextInput(line)
}

func (c *Console) print(r flows.Reply) error {
	if c.JSON {
		opts := r.Options
		if opts == nil {
			opts = []flows.Option{}
		}
		return c.writeJSON(struct {
			Text    string         `json:"text"`
			Options []flows.Option `json:"options"`
		}{r.Text, opts})
	}
	var b strings.Builder
	b.WriteString("\n")
	b.WriteString(r.Text)
	b.WriteString("\n")
	for i, o := range numbered(r.Options) {
		fmt.Fprintf(&b, "  %d) %s\n", i+1, o.Label)
	}
	for _, o := range r.Options {
		if o.Data == flows.DataExit {
			fmt.Fprintf(&b, "  %d) %s\n", exitKey, o.Label)
		}
	}
	_, err := io.WriteString(c.Out, b.String())
	return err
}

// ClearScreen is what the console writes after a quick exit, in text
// mode: it moves to the top, clears the screen and the terminal's
// scrollback, so that only the neutral line follows. A script reading
// the JSON mode gets nothing extra.
const ClearScreen = "\x1b[H\x1b[2J\x1b[3J"

func (c *Console) clear() error {
	if c.JSON {
		return nil
	}
	_, err := io.WriteString(c.Out, ClearScreen)
	return err
}

func (c *Console) prompt() error {
	if c.JSON {
		return c.writeJSON(struct {
			Await bool `json:"await"`
		}{true})
	}
	_, err := io.WriteString(c.Out, "> ")
	return err
}

func (c *Console) writeJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = c.Out.Write(append(b, '\n'))
	return err
}
