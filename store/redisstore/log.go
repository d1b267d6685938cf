package redisstore

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"

	"github.com/redis/go-redis/v9"
)

// SetLogger sends what the go-redis client logs (mostly about connections
// that failed or were dropped) to l as warnings, instead of plain text on
// standard error, so that every line the bot writes is a structured one.
// go-redis keeps one logger for the whole process, so this is set once, by
// the command that wires the store.
func SetLogger(l *slog.Logger) {
	redis.SetLogger(slogPrintf{l})
}

type slogPrintf struct{ l *slog.Logger }

func (p slogPrintf) Printf(ctx context.Context, format string, v ...any) {
	p.l.WarnContext(ctx, "redis client", "detail", redactLine(fmt.Sprintf(format, v...)))
}

var (
	// userinfo in a URL ("redis://user:password@host"): a password must not
	// reach a log even if a message quotes the address it dialled.
	urlUser = regexp.MustCompile(`://[^/@\s]*@`)
	// Runs of six or more digits could be an id from somewhere; addresses
	// and ports are shorter.
	longNumber = regexp.MustCompile(`\d{6,}`)
)

// maxDetail bounds one logged message from the client.
const maxDetail = 512

func redactLine(s string) string {
	s = urlUser.ReplaceAllString(s, "://<redacted>@")
	s = longNumber.ReplaceAllString(s, "#")
	if len(s) > maxDetail {
		s = strings.ToValidUTF8(s[:maxDetail], "") + "…"
	}
	return strings.TrimSpace(s)
}
