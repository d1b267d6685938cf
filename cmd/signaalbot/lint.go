package main

import (
	"context"
	"errors"
	"fmt"

	"signaal/content"
)

// errInvalid is returned by lint when the content has errors; the errors
// themselves have been printed.
var errInvalid = errors.New("content has errors")

// lint checks a content directory, or the embedded content, as the bot
// does when it starts, and prints every error and warning with file and
// line.
func (a *app) lint(_ context.Context, args []string) error {
	fs := a.flagSet("lint")
	dir := fs.String("content", "", "content directory to check (default: the embedded content)")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	// The engine is built as serve builds it, so that the problems it
	// finds in what it compiled (a state nobody reaches, a reply too long
	// for Telegram) are listed with the rest.
	var c *content.Content
	cache := modelCacheDir(a.getenv("MODEL_CACHE"))
	eng, idx, err := buildEngine(*dir, cache)
	if eng != nil {
		c = eng.Content()
	}
	lines, ok := content.Lint(c, err)
	for _, l := range lines {
		fmt.Fprintln(a.stdout, l)
	}
	if !ok {
		return errInvalid
	}
	fmt.Fprintln(a.stdout, "content is valid")
	// Whether a start reads its models or trains them, which takes most
	// of a start: what an operator checks after building an image.
	switch n := idx.ModelsRead(); {
	case cache == "":
		fmt.Fprintln(a.stdout, "models: trained at every start (MODEL_CACHE is off)")
	case n == 0:
		fmt.Fprintf(a.stdout, "models: trained at this start, none read from %s\n", cache)
	default:
		fmt.Fprintf(a.stdout, "models: %d read from %s\n", n, cache)
	}
	return nil
}
