package main

import (
	"context"

	"signaal/bot/console"
)

// chat runs a conversation in the terminal.
func (a *app) chat(ctx context.Context, args []string) error {
	fs := a.flagSet("chat")
	jsonOut := fs.Bool("json", false, "print each bot message as one JSON object per line, then {\"await\": true}")
	dir := fs.String("content", "", "content directory to use instead of the embedded content")
	lang := fs.String("lang", "", "language to start in (nl, en)")
	redisURL := fs.String("redis-url", "", "keep the session in this Redis (redis://host:port/db); needs SESSION_SECRET")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	m, err := a.wire(*dir, *redisURL, true)
	if err != nil {
		return err
	}
	if err := m.Open(ctx); err != nil {
		return err
	}
	defer m.Close()
	c := &console.Console{Handler: m.Handler, In: a.stdin, Out: a.stdout, JSON: *jsonOut, Lang: *lang}
	return c.Run(ctx)
}
