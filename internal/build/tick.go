package build

import (
	"context"
	"errors"
	"html/template"
	"text/template/parse"
)

// A theme template can loop without end ({{range 100000000000000}}, or
// a template that calls itself twice), and html/template takes no
// context: such a page hung the build and ignored Ctrl-C. build inserts
// {{$briefTick := briefTick}} at the start of every template and of
// every range body; briefTick fails once the render's context is done,
// and a failing function stops the execution. A declaration prints
// nothing, so html/template's escaper leaves it alone in any context.

// tickFunc is the name of the function build inserts into templates.
const tickFunc = "briefTick"

// tick is briefTick: nil while the current render may go on, else the
// reason it was stopped (a signal, a newer build in serve, a page over
// its time limit).
func (th *theme) tick() (string, error) {
	if p := th.ctx.Load(); p != nil {
		if err := (*p).Err(); err != nil {
			return "", context.Cause(*p)
		}
	}
	return "", nil
}

// setContext makes ctx the context that templates of th check, for
// the render that is starting.
func (th *theme) setContext(ctx context.Context) { th.ctx.Store(&ctx) }

// insertTicks adds the tick call to every template of set t. It must
// run after parsing and before the first execution (when html/template
// escapes the trees).
func insertTicks(t *template.Template) error {
	for _, x := range t.Templates() {
		if x.Tree == nil || x.Tree.Root == nil {
			continue
		}
		tr := x.Tree
		walkTicks(tr, tr.Root)
		tr.Root.Nodes = append([]parse.Node{tickNode(tr, tr.Root.Pos)}, tr.Root.Nodes...)
	}
	if t.Lookup(t.Name()) == nil {
		return errors.New("theme: no template " + t.Name())
	}
	return nil
}

func walkTicks(tr *parse.Tree, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkTicks(tr, c)
		}
	case *parse.IfNode:
		walkTicks(tr, n.List)
		walkTicks(tr, n.ElseList)
	case *parse.WithNode:
		walkTicks(tr, n.List)
		walkTicks(tr, n.ElseList)
	case *parse.RangeNode:
		walkTicks(tr, n.List)
		walkTicks(tr, n.ElseList)
		if n.List != nil {
			n.List.Nodes = append([]parse.Node{tickNode(tr, n.List.Pos)}, n.List.Nodes...)
		}
	}
}

// tickNode returns {{$briefTick := briefTick}} at pos of tr.
func tickNode(tr *parse.Tree, pos parse.Pos) parse.Node {
	id := parse.NewIdentifier(tickFunc).SetTree(tr).SetPos(pos)
	return &parse.ActionNode{
		NodeType: parse.NodeAction,
		Pos:      pos,
		Pipe: &parse.PipeNode{
			NodeType: parse.NodePipe,
			Pos:      pos,
			Decl:     []*parse.VariableNode{{NodeType: parse.NodeVariable, Pos: pos, Ident: []string{"$" + tickFunc}}},
			Cmds:     []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{id}}},
		},
	}
}
