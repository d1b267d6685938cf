package content

import (
	"fmt"
	"strings"
)

// Mermaid renders a flow as a Mermaid flowchart, with the option labels of
// lang on the arrows, so that content editors can see the whole dialogue.
// Endings are drawn round, branch states as diamonds, jumps to other flows
// as arrows to a node named after that flow.
func (c *Content) Mermaid(f *Flow, lang string) string {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	node := func(id string) string { return "s_" + strings.ReplaceAll(id, "-", "_") }
	for _, s := range f.States {
		switch {
		case len(s.Branch) > 0:
			fmt.Fprintf(&b, "  %s{%s}\n", node(s.ID), quote(s.ID))
		case s.End:
			fmt.Fprintf(&b, "  %s([%s])\n", node(s.ID), quote(s.ID+": "+strings.Join(s.Contacts, ", ")))
		default:
			fmt.Fprintf(&b, "  %s[%s]\n", node(s.ID), quote(s.ID))
		}
	}
	jumps := map[string]bool{}
	for _, s := range f.States {
		for _, o := range s.Options {
			to := node(o.Next)
			if o.Flow != "" {
				to = "flow_" + strings.ReplaceAll(o.Flow, "-", "_")
				if !jumps[o.Flow] {
					jumps[o.Flow] = true
					fmt.Fprintf(&b, "  %s[[%s]]\n", to, quote("flow "+o.Flow))
				}
			}
			fmt.Fprintf(&b, "  %s -->|%s| %s\n", node(s.ID), quote(c.Text(lang, o.Label)), to)
		}
		for _, br := range s.Branch {
			label := "otherwise"
			if len(br.If) > 0 {
				label = strings.Join(br.If, " and ")
			}
			fmt.Fprintf(&b, "  %s -->|%s| %s\n", node(s.ID), quote(label), node(br.Next))
		}
	}
	return b.String()
}

// quote makes text safe inside a Mermaid label.
func quote(s string) string {
	s = strings.NewReplacer(`"`, "#quot;", "\n", " ").Replace(s)
	return `"` + s + `"`
}
