package flows

import "strings"

// Urgency says how an input must be treated by a channel before it is
// handled: whether it may wait behind the chat's other messages, or be
// dropped when the chat floods. The engine decides, so that every channel
// reads the quick exit and danger the same way and none keeps its own copy
// of the words.
type Urgency uint8

const (
	// Ordinary input may wait its turn, and a channel may drop it when
	// the chat sends far more than a person types.
	Ordinary Urgency = iota
	// Safety is input whose answer carries 112: the emergency option
	// (button or label) and a typed message the engine reads as danger.
	// It is never dropped and goes ahead of the chat's queued messages.
	Safety
	// Exit is the quick exit. It is never dropped and goes first.
	Exit
)

// Urgency reads in as Step would and says how urgent it is. It costs a
// reading of the text for typed messages, which is microseconds; a channel
// asks it once per update, before queueing.
func (e *Engine) Urgency(in Input) Urgency {
	if e.Leaves(in) {
		return Exit
	}
	switch in.Kind {
	case Choice:
		if in.Data == DataSOS {
			return Safety
		}
	case Text:
		if len(in.Data) <= maxLabelInput && e.globals[normalise(in.Data)] == DataSOS {
			return Safety
		}
		text := in.Data
		if len(text) > MaxInputText {
			text = strings.ToValidUTF8(text[:MaxInputText], "")
		}
		if e.u != nil {
			// Danger, and a language with only a brief, whose answer
			// begins with 112.
			if m := e.understander.Understand(e.pickLang(in.Lang), text); m.Danger || e.c.Briefs[m.Lang] != nil {
				return Safety
			}
		}
	}
	return Ordinary
}

// maxLabelInput is longer than any label a person could type or a reply
// keyboard could send.
const maxLabelInput = 64
