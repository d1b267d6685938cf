package main

import (
	"context"
	"fmt"
	"strings"

	"signaal/content"
	"signaal/flows"
)

// graph prints one flow as a Mermaid diagram of the engine's own state
// machine, so that what an editor sees is what the bot does.
func (a *app) graph(_ context.Context, args []string) error {
	fs := a.flagSet("graph")
	dir := fs.String("content", "", "content directory (default: the embedded content)")
	lang := fs.String("lang", content.DefaultLang, "language of the option labels")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	c, _, err := loadContent(*dir)
	if err != nil {
		return fmt.Errorf("content is invalid:\n%w", err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("name one flow: %s", strings.Join(c.FlowOrder, ", "))
	}
	eng, err := flows.New(c)
	if err != nil {
		return err
	}
	diagram, ok := eng.Mermaid(fs.Arg(0), *lang)
	if !ok {
		return fmt.Errorf("unknown flow %q; flows: %s", fs.Arg(0), strings.Join(c.FlowOrder, ", "))
	}
	fmt.Fprint(a.stdout, diagram)
	return nil
}
