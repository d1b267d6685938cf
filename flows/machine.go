package flows

import (
	"context"
	"errors"
	"fmt"
	"slices"
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
// What a move does is the machine's to answer; beside it the engine keeps
// only what looplab/fsm cannot say: the order in which a branch's rules
// are tried, their conditions, and how many branch states a move may pass.
type machine struct {
	pool sync.Pool // of *fsm.FSM
	// rules[node] are the guarded events of a branch state, in order.
	rules map[string][]string
	// guards[event] are the conditions of a rule event.
	guards map[string][]string
	// hops bounds the branch states one move passes through.
	hops int
}

type stateRef struct{ flow, state string }

const (
	// none is the state of a conversation that has not begun.
	none         = ""
	evRestart    = "restart"
	evOpenPrefix = "open:"
	evBackPrefix = "back:"
)

// errStuck is returned when a move ends in a branch state none of whose
// rules holds, or in branch states that lead to each other: content that
// flows.New refuses.
var errStuck = errors.New("flows: a branch leads nowhere")

// nodeName is the machine's name of a state, "flow/state"; ids cannot hold
// a '/', so refOf reads it back.
func nodeName(flow, state string) string { return flow + "/" + state }

func refOf(node string) stateRef {
	flow, state, _ := strings.Cut(node, "/")
	return stateRef{flow, state}
}

// backEvent is the event that goes back to node; openEvent the one that
// begins a conversation in flow (the start flow's is evRestart).
func backEvent(node string) string { return evBackPrefix + node }

func openEvent(flow string) string {
	if flow == StartFlow {
		return evRestart
	}
	return evOpenPrefix + flow
}

// buildMachine compiles the transitions of c.
func buildMachine(c *content.Content) (*machine, error) {
	m := &machine{rules: map[string][]string{}, guards: map[string][]string{}}
	var events []fsm.EventDesc
	add := func(name, src, dst string) {
		events = append(events, fsm.EventDesc{Name: name, Src: []string{src}, Dst: dst})
	}
	// target names the state an option or rule leads to, or "" when the
	// content has no such state.
	target := func(flow, state string) string {
		if f := c.Flows[flow]; f != nil && f.State(state) != nil {
			return nodeName(flow, state)
		}
		return ""
	}
	// succ[n] are the states a move out of n can end in before settling:
	// the targets of its options; ruleDst[ev] is where a rule leads. The
	// back events are derived from them below, and neither is kept.
	succ, ruleDst := map[string][]string{}, map[string]string{}
	for _, id := range c.FlowOrder {
		f := c.Flows[id]
		m.hops += len(f.States)
		for _, s := range f.States {
			src := nodeName(id, s.ID)
			for _, o := range s.Options {
				if o.Leave != "" {
					continue // the engine leaves before the machine moves (Engine.Leaves)
				}
				dst := target(id, o.Next)
				if o.Flow != "" {
					dst = ""
					if to := c.Flows[o.Flow]; to != nil {
						dst = target(o.Flow, to.Start)
					}
				}
				if dst == "" {
					return nil, fmt.Errorf("flows: %s/%s option %s leads to no state", id, s.ID, o.ID)
				}
				add(content.OptionData(id, s.ID, o.ID), src, dst)
				succ[src] = append(succ[src], dst)
			}
			for i, b := range s.Branch {
				ev := fmt.Sprintf("%s#%d", src, i)
				dst := target(id, b.Next)
				if dst == "" {
					return nil, fmt.Errorf("flows: %s/%s rule %d leads to no state", id, s.ID, i+1)
				}
				add(ev, src, dst)
				m.rules[src] = append(m.rules[src], ev)
				ruleDst[ev] = dst
				if len(b.If) > 0 {
					m.guards[ev] = b.If
				}
			}
		}
	}
	startFlow, ok := c.Flows[StartFlow]
	if !ok {
		return nil, fmt.Errorf("flows: content has no %q flow", StartFlow)
	}
	welcome := target(StartFlow, startFlow.Start)
	if welcome == "" {
		return nil, fmt.Errorf("flows: the %q flow has no start state %q", StartFlow, startFlow.Start)
	}
	for _, id := range c.FlowOrder {
		dst := target(id, c.Flows[id].Start)
		if dst == "" {
			return nil, fmt.Errorf("flows: flow %q has no start state %q", id, c.Flows[id].Start)
		}
		add(openEvent(id), none, dst)
		if id != StartFlow {
			// A deep link shows the welcome first, so back leads there.
			succ[welcome] = append(succ[welcome], dst)
		}
	}
	// Back: from every state a move can settle in, to the state the move
	// started from.
	seen := map[[2]string]bool{}
	for from, targets := range succ {
		if len(m.rules[from]) > 0 {
			continue // branch states are passed through, never left by a person
		}
		for _, t := range targets {
			for _, s := range m.settled(t, ruleDst) {
				if k := [2]string{s, from}; !seen[k] {
					seen[k] = true
					add(backEvent(from), s, from)
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
func (m *machine) settled(n string, ruleDst map[string]string) []string {
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
			walk(ruleDst[ev])
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
			return refOf(f.Current()), nil
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

// transitions lists the moves out of node n that the machine has, each
// with the state it leads to, as the running machine answers: every event
// it can fire from n, fired once without a session (so no guard holds it
// back), in order of name. Back events are left out: they only return to
// where a conversation has been.
func (m *machine) transitions(n string) []transition {
	f := m.pool.Get().(*fsm.FSM)
	defer m.pool.Put(f)
	f.SetState(n)
	events := f.AvailableTransitions()
	slices.Sort(events)
	var out []transition
	for _, ev := range events {
		if strings.HasPrefix(ev, evBackPrefix) {
			continue
		}
		f.SetState(n)
		// Without a session no guard holds the event back.
		err := f.Event(context.Background(), ev)
		var same fsm.NoTransitionError
		if err != nil && !errors.As(err, &same) {
			continue
		}
		out = append(out, transition{event: ev, to: f.Current()})
	}
	return out
}

// transition is one move of the machine: an event and where it leads.
type transition struct{ event, to string }

// Mermaid draws one flow's transitions, as the running machine has them,
// with the library's Mermaid visualiser: options labelled in lang, branch
// rules with their conditions, jumps to other flows as nodes named
// "flow:<id>". It reports false for a flow the content does not have.
func (e *Engine) Mermaid(flow, lang string) (string, bool) {
	f, ok := e.c.Flows[flow]
	if !ok {
		return "", false
	}
	var events []fsm.EventDesc
	used := map[[2]string]bool{}
	for _, s := range f.States {
		for _, t := range e.m.transitions(nodeName(flow, s.ID)) {
			label := "otherwise"
			if o := e.flows[flow].options[s.ID][t.event]; o != nil {
				label = e.c.Text(lang, o.Label)
			} else if conds := e.m.guards[t.event]; len(conds) > 0 {
				label = "if " + strings.Join(conds, " and ")
			}
			label = mermaidSafe.Replace(label)
			// Events are keyed by name and source: two arrows with the
			// same label out of one state would be one, so number the
			// second.
			for n := 2; used[[2]string{label, s.ID}]; n++ {
				label = fmt.Sprintf("%s (%d)", strings.TrimSuffix(label, fmt.Sprintf(" (%d)", n-1)), n)
			}
			used[[2]string{label, s.ID}] = true
			to := refOf(t.to)
			dst := to.state
			if to.flow != flow {
				dst = "flow:" + to.flow
			}
			events = append(events, fsm.EventDesc{Name: label, Src: []string{s.ID}, Dst: dst})
		}
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
