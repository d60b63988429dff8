package build

import (
	"encoding/binary"
	"hash/maphash"
	"html/template"
	"math"
	"reflect"
	"sort"
	"sync"
	"text/template/parse"
)

// A page is rendered again only when the data its layout can read
// changed. The matrix of a large project is tens of megabytes of HTML;
// an edit that adds a sentence to one source changes that source's
// claim count, which the matrix's layout never shows. pageKey therefore
// hashes only the struct fields that the layout's templates mention by
// name, and a field's whole value (every field below it, exported or
// not) where a template may print it or pass it to a function. A layout
// that prints dot or a bare variable gets every field hashed.

// fieldUse is what a template set may read from its data.
type fieldUse struct {
	all   bool            // some value may be read whole: hash everything
	names map[string]bool // field and method names mentioned
	whole map[string]bool // names whose value may be printed or passed on
	calls []string        // templates invoked, to visit

	plans sync.Map // reflect.Type -> *structPlan (pages are hashed in parallel)
}

// structPlan lists the fields of a struct type that a key hashes.
type structPlan struct {
	whole  bool // a method is mentioned: hash every field
	fields []fieldPlan
}

type fieldPlan struct {
	i     int
	whole bool
	index bool // write i before the value
}

// plan returns the structPlan of t, made on first use.
func (u *fieldUse) plan(t reflect.Type) *structPlan {
	if p, ok := u.plans.Load(t); ok {
		return p.(*structPlan)
	}
	p := &structPlan{}
	for _, x := range []reflect.Type{t, reflect.PointerTo(t)} {
		for i := range x.NumMethod() {
			if u.names[x.Method(i).Name] {
				p.whole = true
			}
		}
	}
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case f.Anonymous:
			p.fields = append(p.fields, fieldPlan{i: i}) // promoted fields
		case f.IsExported() && u.names[f.Name]:
			p.fields = append(p.fields, fieldPlan{i: i, whole: u.whole[f.Name], index: true})
		}
	}
	q, _ := u.plans.LoadOrStore(t, p)
	return q.(*structPlan)
}

// safeFuncs read no more of their arguments than their length or truth.
var safeFuncs = map[string]bool{"len": true, "not": true}

// templateUse returns the fields that executing t may read: those its
// tree mentions and those of the templates it invokes, transitively.
func templateUse(t *template.Template) *fieldUse {
	if t == nil {
		return &fieldUse{all: true}
	}
	u := &fieldUse{names: map[string]bool{}, whole: map[string]bool{}, calls: []string{t.Name()}}
	seen := map[string]bool{}
	for len(u.calls) > 0 {
		name := u.calls[len(u.calls)-1]
		u.calls = u.calls[:len(u.calls)-1]
		if seen[name] {
			continue
		}
		seen[name] = true
		x := t.Lookup(name)
		if x == nil {
			continue // an execution error, whatever the data
		}
		if x.Tree != nil && x.Tree.Root != nil {
			u.node(x.Tree.Root)
		}
	}
	return u
}

func (u *fieldUse) node(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				u.node(c)
			}
		}
	case *parse.ActionNode:
		u.pipe(n.Pipe, true)
	case *parse.IfNode:
		u.branch(&n.BranchNode)
	case *parse.RangeNode:
		u.branch(&n.BranchNode)
	case *parse.WithNode:
		u.branch(&n.BranchNode)
	case *parse.TemplateNode:
		u.calls = append(u.calls, n.Name)
		u.pipe(n.Pipe, false)
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
	default:
		u.all = true // a node this analysis does not know
	}
}

func (u *fieldUse) branch(b *parse.BranchNode) {
	u.pipe(b.Pipe, false)
	u.node(b.List)
	if b.ElseList != nil {
		u.node(b.ElseList)
	}
}

// pipe records a pipeline; printed is set when its value is written
// out, rather than tested or made dot.
func (u *fieldUse) pipe(p *parse.PipeNode, printed bool) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		last := i == len(p.Cmds)-1
		// Every command but the last passes its value to the next one.
		u.cmd(c, printed || !last)
	}
}

func (u *fieldUse) cmd(c *parse.CommandNode, whole bool) {
	if len(c.Args) == 0 {
		return
	}
	if id, ok := c.Args[0].(*parse.IdentifierNode); ok {
		// {{fragment "name" x}} reads of x what template name reads.
		if s, ok := fragmentName(c); ok && id.Ident == "fragment" {
			u.calls = append(u.calls, s)
			u.arg(c.Args[2], false)
			return
		}
		// A function call: its arguments are passed whole, unless the
		// function reads only their length or truth.
		for _, a := range c.Args[1:] {
			u.arg(a, !safeFuncs[id.Ident])
		}
		return
	}
	u.arg(c.Args[0], whole)
	for _, a := range c.Args[1:] { // method arguments
		u.arg(a, true)
	}
}

// fragmentName returns the template a "fragment" call names, if the
// call has the form fragment "name" x.
func fragmentName(c *parse.CommandNode) (string, bool) {
	if len(c.Args) != 3 {
		return "", false
	}
	s, ok := c.Args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return s.Text, true
}

// arg records an operand; whole is set when its value may be read whole.
func (u *fieldUse) arg(n parse.Node, whole bool) {
	var idents []string
	switch n := n.(type) {
	case *parse.FieldNode:
		idents = n.Ident
	case *parse.VariableNode:
		idents = n.Ident[1:]
		if len(idents) == 0 && whole {
			u.all = true
		}
	case *parse.ChainNode:
		u.arg(n.Node, false)
		idents = n.Field
	case *parse.DotNode:
		if whole {
			u.all = true
		}
	case *parse.PipeNode:
		u.pipe(n, true)
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode, *parse.NilNode, *parse.IdentifierNode:
	default:
		u.all = true
	}
	for _, id := range idents {
		u.names[id] = true
	}
	if whole && len(idents) > 0 {
		u.whole[idents[len(idents)-1]] = true
	}
}

// keyHasher hashes a value as fieldUse allows. Values are encoded into
// buf, which is flushed into two 64-bit hashes with independent seeds.
type keyHasher struct {
	u      *fieldUse
	buf    []byte
	h1, h2 maphash.Hash
}

var keySeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// pageKey returns a key of what layout, with the theme th, can read
// from p: equal keys mean equal pages.
func pageKey(th *theme, layout string, p *page) [32]byte {
	return valueKey(th, th.use(layout), layout, reflect.ValueOf(p))
}

// valueKey returns a key of th, name and what u allows to read of v.
func valueKey(th *theme, u *fieldUse, name string, v reflect.Value) [32]byte {
	h, _ := th.hashers.Get().(*keyHasher)
	if h == nil {
		h = &keyHasher{buf: make([]byte, 0, 2*flushAt)}
	}
	h.u, h.buf = u, h.buf[:0]
	h.h1.SetSeed(keySeeds[0]) // and forget what was written
	h.h2.SetSeed(keySeeds[1])
	h.str(name)
	h.value(v, h.u.all)
	h.flush()
	var k [32]byte
	copy(k[:], th.sum[:16])
	binary.LittleEndian.PutUint64(k[16:], h.h1.Sum64())
	binary.LittleEndian.PutUint64(k[24:], h.h2.Sum64())
	h.u = nil
	th.hashers.Put(h)
	return k
}

const flushAt = 32 << 10

func (h *keyHasher) flush() {
	h.h1.Write(h.buf)
	h.h2.Write(h.buf)
	h.buf = h.buf[:0]
}

func (h *keyHasher) str(s string) {
	h.buf = binary.AppendUvarint(h.buf, uint64(len(s)))
	h.buf = append(h.buf, s...)
	if len(h.buf) >= flushAt {
		h.flush()
	}
}

func (h *keyHasher) value(v reflect.Value, whole bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.buf = append(h.buf, 0)
			return
		}
		h.buf = append(h.buf, 1)
		h.value(v.Elem(), whole)
	case reflect.Struct:
		t := v.Type()
		var p *structPlan
		if !whole {
			p = h.u.plan(t)
			whole = p.whole
		}
		if whole {
			for i := range t.NumField() {
				h.value(v.Field(i), true)
			}
			return
		}
		for _, f := range p.fields {
			if f.index {
				h.buf = binary.AppendUvarint(h.buf, uint64(f.i))
			}
			h.value(v.Field(f.i), f.whole)
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			h.buf = append(h.buf, 0)
		}
		h.buf = binary.AppendUvarint(h.buf, uint64(v.Len()))
		for i := range v.Len() {
			h.value(v.Index(i), whole)
		}
	case reflect.Map:
		if v.IsNil() {
			h.buf = append(h.buf, 0)
		}
		keys := v.MapKeys()
		h.buf = binary.AppendUvarint(h.buf, uint64(len(keys)))
		if len(keys) > 0 && keys[0].Kind() != reflect.String {
			panic("build: page key: map key " + keys[0].Type().String())
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			h.str(k.String())
			h.value(v.MapIndex(k), whole)
		}
	case reflect.String:
		h.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			h.buf = append(h.buf, 1)
		} else {
			h.buf = append(h.buf, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.buf = binary.AppendVarint(h.buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.buf = binary.AppendUvarint(h.buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		h.buf = binary.LittleEndian.AppendUint64(h.buf, math.Float64bits(v.Float()))
	case reflect.Invalid:
		h.buf = append(h.buf, 2)
	default:
		// Page data holds no functions or channels.
		panic("build: page key: " + v.Type().String())
	}
}
