package flows

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/looplab/fsm"

	"signaal/content"
)

// The transitions of every flow are one looplab/fsm machine, built once from
// the content. It is the only place that knows where a move leads: the
// engine names the event, the machine moves, and the engine shows the state
// the machine ends in. Every move a person can cause is an event:
//
//   - an option: the event is the option's data ("flow/state/option"),
//     from its state to its next state, or to the start of another flow;
//   - a branch rule: an event from the branch state to the rule's state,
//     guarded by the rule's conditions on the answers recorded so far;
//     the rules of a branch are tried in order;
//   - back: "back:flow/state" leads from a state to each state that a
//     move could have come from, so a back-stack that the content no longer
//     allows is refused rather than followed;
//   - restart and deep links: "restart" and "open:flow" lead from none, the
//     state of a conversation that has not begun, to where it begins.
//
// A machine holds a current state, so each step takes one from a pool.
type machine struct {
	pool sync.Pool // of *fsm.FSM
	// node[flow][state] is the machine's name of a state, "flow/state".
	node map[string]map[string]string
	// at is the reverse of node.
	at map[string]stateRef
	// rules[node] are the guarded events of a branch state, in order.
	rules map[string][]string
	// guards[event] are the conditions of a rule event, and ruleDst[event]
	// where it leads (for deriving the back events at build time).
	guards  map[string][]string
	ruleDst map[string]string
	// back[node] is the event that goes back to node.
	back map[string]string
	// open[flow] is the event that begins a conversation in flow; the
	// start flow's is evRestart.
	open map[string]string
	// hops bounds the branch states one move passes through.
	hops int
	// edges are the option and rule transitions per flow, with what a
	// diagram shows on them.
	edges map[string][]edge
}

type stateRef struct{ flow, state string }

// edge is one transition drawn in a flow's diagram.
type edge struct {
	from, to string // state ids; to is "flow:<id>" for a jump to another flow
	option   *content.Option
	cond     []string // for a branch rule
	rule     bool
}

const (
	// none is the state of a conversation that has not begun.
	none         = ""
	evRestart    = "restart"
	evOpenPrefix = "open:"
	evBackPrefix = "back:"
)

// errStuck is returned when a move ends in a branch state none of whose
// rules holds, or in branch states that lead to each other: content that
// validation refuses.
var errStuck = errors.New("flows: a branch leads nowhere")

func nodeName(flow, state string) string { return flow + "/" + state }

// buildMachine compiles the transitions of c.
func buildMachine(c *content.Content) (*machine, error) {
	m := &machine{
		node:    map[string]map[string]string{},
		at:      map[string]stateRef{none: {}},
		rules:   map[string][]string{},
		guards:  map[string][]string{},
		ruleDst: map[string]string{},
		back:    map[string]string{},
		open:    map[string]string{},
		edges:   map[string][]edge{},
	}
	for _, id := range c.FlowOrder {
		f := c.Flows[id]
		m.node[id] = map[string]string{}
		for _, s := range f.States {
			n := nodeName(id, s.ID)
			m.node[id][s.ID] = n
			m.at[n] = stateRef{id, s.ID}
			m.hops++
		}
	}
	var events []fsm.EventDesc
	add := func(name, src, dst string) {
		events = append(events, fsm.EventDesc{Name: name, Src: []string{src}, Dst: dst})
	}
	// succ[n] are the states a move out of n can end in before settling:
	// the targets of its options. Back events are derived from them below.
	succ := map[string][]string{}
	for _, id := range c.FlowOrder {
		f := c.Flows[id]
		for _, s := range f.States {
			src := m.node[id][s.ID]
			for _, o := range s.Options {
				if o.Leave != "" {
					continue // the engine leaves before the machine moves (Engine.Leaves)
				}
				dst, to := m.node[id][o.Next], o.Next
				if o.Flow != "" {
					dst, to = m.node[o.Flow][c.Flows[o.Flow].Start], "flow:"+o.Flow
				}
				if dst == "" {
					return nil, fmt.Errorf("flows: %s/%s option %s leads to no state", id, s.ID, o.ID)
				}
				add(content.OptionData(id, s.ID, o.ID), src, dst)
				succ[src] = append(succ[src], dst)
				m.edges[id] = append(m.edges[id], edge{from: s.ID, to: to, option: o})
			}
			for i, b := range s.Branch {
				ev := fmt.Sprintf("%s#%d", src, i)
				dst := m.node[id][b.Next]
				if dst == "" {
					return nil, fmt.Errorf("flows: %s/%s rule %d leads to no state", id, s.ID, i+1)
				}
				add(ev, src, dst)
				m.rules[src] = append(m.rules[src], ev)
				m.ruleDst[ev] = dst
				if len(b.If) > 0 {
					m.guards[ev] = b.If
				}
				m.edges[id] = append(m.edges[id], edge{from: s.ID, to: b.Next, cond: b.If, rule: true})
			}
		}
	}
	startFlow, ok := c.Flows[StartFlow]
	if !ok {
		return nil, fmt.Errorf("flows: content has no %q flow", StartFlow)
	}
	welcome := m.node[StartFlow][startFlow.Start]
	add(evRestart, none, welcome)
	m.open[StartFlow] = evRestart
	for _, id := range c.FlowOrder {
		if id == StartFlow {
			continue
		}
		ev := evOpenPrefix + id
		dst := m.node[id][c.Flows[id].Start]
		add(ev, none, dst)
		m.open[id] = ev
		// A deep link shows the welcome first, so back leads there.
		succ[welcome] = append(succ[welcome], dst)
	}
	// Back: from every state a move can settle in, to the state the move
	// started from.
	seen := map[[2]string]bool{}
	for from, targets := range succ {
		if len(m.rules[from]) > 0 {
			continue // branch states are passed through, never left by a person
		}
		ev := evBackPrefix + from
		m.back[from] = ev
		for _, t := range targets {
			for _, s := range m.settled(t) {
				if k := [2]string{s, from}; !seen[k] {
					seen[k] = true
					add(ev, s, from)
				}
			}
		}
	}
	callbacks := fsm.Callbacks{"before_event": m.guard}
	m.pool.New = func() any { return fsm.NewFSM(none, events, callbacks) }
	return m, nil
}

// settled lists the states a move into n can end in: n itself, or, for a
// branch state, every state its rules can lead to, through further
// branches.
func (m *machine) settled(n string) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(string)
	walk = func(n string) {
		if seen[n] {
			return
		}
		seen[n] = true
		rules := m.rules[n]
		if len(rules) == 0 {
			out = append(out, n)
			return
		}
		for _, ev := range rules {
			walk(m.ruleDst[ev])
		}
	}
	walk(n)
	return out
}

// guard cancels a rule event whose conditions do not hold for the session
// passed with the event.
func (m *machine) guard(_ context.Context, e *fsm.Event) {
	conds, ok := m.guards[e.Event]
	if !ok || len(e.Args) == 0 {
		return
	}
	if s, ok := e.Args[0].(*Session); ok && !holds(s, conds) {
		e.Cancel()
	}
}

func holds(s *Session, conds []string) bool {
	for _, c := range conds {
		if !s.has(c) {
			return false
		}
	}
	return true
}

// move fires event from the state (flow, state), then passes through branch
// states by their first rule that holds for s, and returns where it ends.
// It fails when the machine has no such move from that state, or when the
// move cannot settle (errStuck).
func (m *machine) move(from, event string, s *Session) (stateRef, error) {
	f := m.pool.Get().(*fsm.FSM)
	defer m.pool.Put(f)
	f.SetState(from)
	if !f.Can(event) {
		return stateRef{}, fmt.Errorf("flows: no move %q from %q", event, from)
	}
	if err := fire(f, event, s); err != nil {
		return stateRef{}, err
	}
	for hops := 0; ; hops++ {
		rules := m.rules[f.Current()]
		if len(rules) == 0 {
			return m.at[f.Current()], nil
		}
		if hops > m.hops {
			return stateRef{}, errStuck
		}
		moved := false
		for _, ev := range rules {
			err := fire(f, ev, s)
			var canceled fsm.CanceledError
			if errors.As(err, &canceled) {
				continue
			}
			if err != nil {
				return stateRef{}, err
			}
			moved = true
			break
		}
		if !moved {
			return stateRef{}, errStuck
		}
	}
}

// fire runs one event; an event that leads back to the same state is a
// move too.
func fire(f *fsm.FSM, event string, s *Session) error {
	err := f.Event(context.Background(), event, s)
	var same fsm.NoTransitionError
	if err != nil && !errors.As(err, &same) {
		return err
	}
	return nil
}

// can reports whether the machine has event from state n.
func (m *machine) can(n, event string) bool {
	f := m.pool.Get().(*fsm.FSM)
	defer m.pool.Put(f)
	f.SetState(n)
	return f.Can(event)
}

// Mermaid draws one flow's transitions with the library's Mermaid
// visualiser: options labelled in lang, branch rules with their conditions,
// jumps to other flows as nodes named "flow:<id>". It reports false for a
// flow the content does not have.
func (e *Engine) Mermaid(flow, lang string) (string, bool) {
	f, ok := e.c.Flows[flow]
	if !ok {
		return "", false
	}
	var events []fsm.EventDesc
	used := map[[2]string]bool{}
	for _, ed := range e.m.edges[flow] {
		label := "otherwise"
		switch {
		case ed.option != nil:
			label = e.c.Text(lang, ed.option.Label)
		case len(ed.cond) > 0:
			label = "if " + strings.Join(ed.cond, " and ")
		}
		label = mermaidSafe.Replace(label)
		// Events are keyed by name and source: two arrows with the same
		// label out of one state would be one, so number the second.
		for n := 2; used[[2]string{label, ed.from}]; n++ {
			label = fmt.Sprintf("%s (%d)", strings.TrimSuffix(label, fmt.Sprintf(" (%d)", n-1)), n)
		}
		used[[2]string{label, ed.from}] = true
		events = append(events, fsm.EventDesc{Name: label, Src: []string{ed.from}, Dst: ed.to})
	}
	out, err := fsm.VisualizeForMermaidWithGraphType(fsm.NewFSM(f.Start, events, nil), fsm.FlowChart)
	if err != nil {
		// Only an unknown diagram type fails, and the type is fixed here.
		panic(err)
	}
	return out, true
}

// mermaidSafe keeps a label from ending Mermaid's |label| syntax early.
var mermaidSafe = strings.NewReplacer("|", "/", `"`, "'", "\n", " ", "[", "(", "]", ")", "{", "(", "}", ")")
