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

// lint checks a content directory, or the embedded content, and prints
// every error and warning with file and line.
func (a *app) lint(_ context.Context, args []string) error {
	fs := a.flagSet("lint")
	dir := fs.String("content", "", "content directory to check (default: the embedded content)")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	c, _, err := loadContent(*dir)
	lines, ok := content.Lint(c, err)
	for _, l := range lines {
		fmt.Fprintln(a.stdout, l)
	}
	if !ok {
		return errInvalid
	}
	fmt.Fprintln(a.stdout, "content is valid")
	return nil
}
