package telegram

import (
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"signaal/flows"
)

// Metrics is told what the channel does, so that an operator can watch
// it. Its methods must be quick and safe for concurrent use. No argument
// carries anything about a person.
type Metrics interface {
	// Received is told of each update taken in, by kind: "text",
	// "command", "button", "media", "inline", "group" or "other".
	Received(kind string)
	// Called is told of each attempt of a Bot API call: code is 0 when it
	// succeeded, the Bot API's error code, or -1 when no answer came.
	Called(method string, code int)
	// Retried is told that a failed call will be tried again.
	Retried(method string, code int)
	// Receiving is told whether updates can come in.
	Receiving(ok bool)
}

// noMetrics is used when Bot.Metrics is nil.
type noMetrics struct{}

func (noMetrics) Received(string)     {}
func (noMetrics) Called(string, int)  {}
func (noMetrics) Retried(string, int) {}
func (noMetrics) Receiving(bool)      {}

func (b *Bot) metrics() Metrics {
	if b.Metrics != nil {
		return b.Metrics
	}
	return noMetrics{}
}

// callCode is the code Metrics gets for a failed call.
func callCode(err error) int {
	if c := apiCode(err); c != 0 {
		return c
	}
	return -1
}

// updateKind names what an update is from its shape only.
func updateKind(u *tgbotapi.Update) string {
	switch {
	case u.CallbackQuery != nil:
		return "button"
	case u.InlineQuery != nil:
		return "inline"
	case u.Message == nil || u.Message.Chat == nil:
		return "other"
	}
	m := u.Message
	switch m.Chat.Type {
	case "private":
	case "group", "supergroup":
		return "group"
	default:
		return "other"
	}
	in, ok := messageInput(m)
	switch {
	case !ok:
		return "other"
	case in.Kind == flows.Media:
		return "media"
	case strings.HasPrefix(strings.TrimSpace(in.Data), "/"):
		return "command"
	}
	return "text"
}
