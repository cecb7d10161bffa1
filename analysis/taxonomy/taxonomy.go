// Package taxonomy is meetscan's bilingual theme taxonomy of party-building
// discourse: loading and merging the YAML file (embedded, and extended from
// the data dir), finding the themes a search query names, and matching
// themes in text (Chinese on gse tokens, English on normalised words,
// traditional characters folded to simplified).
package taxonomy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"meetscan/data"
)

// Theme is one theme of the taxonomy.
type Theme struct {
	ID      string   `json:"id" yaml:"id"`
	LabelEN string   `json:"label_en" yaml:"label_en"`
	LabelZH string   `json:"label_zh" yaml:"label_zh"`
	TermsZH []string `json:"terms_zh" yaml:"terms_zh"`
	TermsEN []string `json:"terms_en" yaml:"terms_en"`
}

// Taxonomy is an ordered, immutable set of themes. It is safe for
// concurrent use.
type Taxonomy struct {
	themes []Theme
	byID   map[string]int
	modes  []mergeMode // per theme, how Merge applies it; all replace after a merge
	ver    string

	queryOnce sync.Once
	query     *queryIndex
}

// mergeMode says how a theme of an extension file changes the base
// taxonomy in Merge.
type mergeMode uint8

const (
	modeReplace mergeMode = iota // default: the theme replaces the base theme with its id (or is added)
	modeExtend                   // its terms are added to the base theme's terms
	modeRemove                   // the base theme is removed
)

var modeNames = map[string]mergeMode{"": modeReplace, "replace": modeReplace, "extend": modeExtend, "remove": modeRemove}

var (
	defaultOnce sync.Once
	defaultTax  *Taxonomy
	defaultErr  error
)

// Default returns the embedded taxonomy (data/assets/taxonomy.yaml). It is
// parsed once per process and shared.
func Default() (*Taxonomy, error) {
	defaultOnce.Do(func() {
		b, err := fs.ReadFile(data.Assets(), data.TaxonomyFile)
		if err != nil {
			defaultErr = fmt.Errorf("embedded taxonomy: %w", err)
			return
		}
		defaultTax, defaultErr = Load(bytes.NewReader(b))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("embedded taxonomy: %w", defaultErr)
		}
	})
	return defaultTax, defaultErr
}

var idRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Load reads a taxonomy file:
//
//	themes:
//	  - id: high_quality_development      # snake_case, required, unique
//	    label_en: High-quality development
//	    label_zh: 高质量发展
//	    terms_zh: [高质量发展]
//	    terms_en: [high-quality development, high quality development]
//	    mode: extend                        # optional, for data-dir files: replace (default) | extend | remove
//
// Errors name the line of the offending entry.
func Load(r io.Reader) (*Taxonomy, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read taxonomy: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("taxonomy: %w", err)
	}
	t := &Taxonomy{byID: map[string]int{}}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, errors.New("taxonomy: empty file: want a mapping with a themes list")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("taxonomy: line %d: want a mapping with a themes list", root.Line)
	}
	var themesNode *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "themes":
			themesNode = v
		default:
			return nil, fmt.Errorf("taxonomy: line %d: unknown key %q (want themes)", k.Line, k.Value)
		}
	}
	if themesNode == nil {
		return nil, fmt.Errorf("taxonomy: line %d: missing themes list", root.Line)
	}
	if themesNode.Kind == yaml.ScalarNode && themesNode.Tag == "!!null" {
		return t.finish(), nil // "themes:" with nothing: an empty extension file
	}
	if themesNode.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("taxonomy: line %d: themes must be a list", themesNode.Line)
	}
	firstLine := map[string]int{}
	for _, n := range themesNode.Content {
		th, mode, err := parseTheme(n)
		if err != nil {
			return nil, fmt.Errorf("taxonomy: %w", err)
		}
		if prev, dup := firstLine[th.ID]; dup {
			return nil, fmt.Errorf("taxonomy: line %d: duplicate theme id %q (first at line %d)", n.Line, th.ID, prev)
		}
		firstLine[th.ID] = n.Line
		t.byID[th.ID] = len(t.themes)
		t.themes = append(t.themes, th)
		t.modes = append(t.modes, mode)
	}
	return t.finish(), nil
}

// parseTheme decodes and validates one theme node.
func parseTheme(n *yaml.Node) (Theme, mergeMode, error) {
	var th Theme
	if n.Kind != yaml.MappingNode {
		return th, 0, fmt.Errorf("line %d: a theme must be a mapping with id, labels and terms", n.Line)
	}
	mode := modeReplace
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var err error
		switch k.Value {
		case "id":
			th.ID, err = scalar(v)
		case "label_en":
			th.LabelEN, err = scalar(v)
		case "label_zh":
			th.LabelZH, err = scalar(v)
		case "terms_zh":
			th.TermsZH, err = terms(v, true)
		case "terms_en":
			th.TermsEN, err = terms(v, false)
		case "mode":
			var s string
			if s, err = scalar(v); err == nil {
				var ok bool
				if mode, ok = modeNames[s]; !ok {
					err = fmt.Errorf("line %d: unknown mode %q (want replace, extend or remove)", v.Line, s)
				}
			}
		default:
			err = fmt.Errorf("line %d: unknown key %q (want id, label_en, label_zh, terms_zh, terms_en, mode)", k.Line, k.Value)
		}
		if err != nil {
			return th, 0, err
		}
	}
	switch {
	case th.ID == "":
		return th, 0, fmt.Errorf("line %d: theme without id", n.Line)
	case !idRE.MatchString(th.ID):
		return th, 0, fmt.Errorf("line %d: theme id %q: want snake_case (a-z, 0-9, _)", n.Line, th.ID)
	case mode != modeRemove && len(th.TermsZH)+len(th.TermsEN) == 0:
		return th, 0, fmt.Errorf("line %d: theme %q has no terms (terms_zh and terms_en are empty)", n.Line, th.ID)
	}
	return th, mode, nil
}

func scalar(v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", fmt.Errorf("line %d: want a single value", v.Line)
	}
	if v.Tag == "!!null" {
		return "", nil
	}
	return strings.TrimSpace(v.Value), nil
}

// terms decodes a list of terms (or a single term), dropping exact
// duplicates and rejecting empty terms and terms that normalise to nothing.
func terms(v *yaml.Node, zh bool) ([]string, error) {
	var items []*yaml.Node
	switch {
	case v.Kind == yaml.SequenceNode:
		items = v.Content
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return nil, nil
	case v.Kind == yaml.ScalarNode:
		items = []*yaml.Node{v}
	default:
		return nil, fmt.Errorf("line %d: terms must be a list", v.Line)
	}
	var out []string
	seen := map[string]bool{}
	for _, it := range items {
		if it.Kind != yaml.ScalarNode {
			return nil, fmt.Errorf("line %d: a term must be a string", it.Line)
		}
		s := strings.Join(strings.Fields(it.Value), " ")
		if s == "" || it.Tag == "!!null" {
			return nil, fmt.Errorf("line %d: empty term", it.Line)
		}
		if Normalize(s) == "" {
			return nil, fmt.Errorf("line %d: term %q has no letters or Chinese characters", it.Line, s)
		}
		if zh && hanOnly(s) == "" {
			return nil, fmt.Errorf("line %d: Chinese term %q has no Chinese characters (put it in terms_en)", it.Line, s)
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out, nil
}

// finish fills derived fields: default labels and the version hash.
func (t *Taxonomy) finish() *Taxonomy {
	for i := range t.themes {
		th := &t.themes[i]
		if th.LabelEN == "" && th.LabelZH == "" {
			th.LabelEN = derivedLabel(th.ID)
		}
	}
	h := sha256.New()
	for i, th := range t.themes {
		// JSON of each theme (plus its mode) is a canonical, unambiguous encoding.
		b, _ := json.Marshal(th)
		h.Write(b)
		if t.modes != nil {
			h.Write([]byte{byte(t.modes[i])})
		}
		h.Write([]byte{'\n'})
	}
	t.ver = hex.EncodeToString(h.Sum(nil))[:16]
	return t
}

// Merge returns a new taxonomy: t with the themes of ext applied in order.
// A theme whose id is new is added at the end; one whose id exists replaces
// the existing theme (labels left empty are kept from t), or, with
// "mode: extend", adds its terms to it, or, with "mode: remove", removes it.
// A nil ext returns t.
func (t *Taxonomy) Merge(ext *Taxonomy) *Taxonomy {
	if ext == nil || len(ext.themes) == 0 {
		return t
	}
	if t == nil {
		t = empty()
	}
	themes := make([]Theme, 0, len(t.themes)+len(ext.themes))
	alive := make([]bool, 0, cap(themes))
	idx := make(map[string]int, cap(themes))
	for _, th := range t.themes {
		idx[th.ID] = len(themes)
		themes = append(themes, cloneTheme(th))
		alive = append(alive, true)
	}
	for i, e := range ext.themes {
		mode := modeReplace
		if ext.modes != nil {
			mode = ext.modes[i]
		}
		j, exists := idx[e.ID]
		switch {
		case mode == modeRemove:
			if exists {
				alive[j] = false
			}
		case !exists:
			idx[e.ID] = len(themes)
			themes = append(themes, cloneTheme(e))
			alive = append(alive, true)
		case mode == modeExtend:
			b := &themes[j]
			b.TermsZH = appendNew(b.TermsZH, e.TermsZH)
			b.TermsEN = appendNew(b.TermsEN, e.TermsEN)
			if e.LabelZH != "" {
				b.LabelZH = e.LabelZH
			}
			if e.LabelEN != "" && e.LabelEN != derivedLabel(e.ID) {
				b.LabelEN = e.LabelEN
			}
		default:
			n := cloneTheme(e)
			keepLabels(&n, themes[j])
			themes[j] = n
		}
	}
	out := &Taxonomy{byID: make(map[string]int, len(themes))}
	for j, th := range themes {
		if alive[j] {
			out.byID[th.ID] = len(out.themes)
			out.themes = append(out.themes, th)
		}
	}
	return out.finish()
}

// derivedLabel is the English label given to a theme that has none.
func derivedLabel(id string) string { return strings.ReplaceAll(id, "_", " ") }

// keepLabels fills empty labels of dst from src.
func keepLabels(dst *Theme, src Theme) {
	if (dst.LabelEN == "" || dst.LabelEN == derivedLabel(dst.ID)) && src.LabelEN != "" {
		dst.LabelEN = src.LabelEN
	}
	if dst.LabelZH == "" {
		dst.LabelZH = src.LabelZH
	}
}

func appendNew(dst, add []string) []string {
	for _, a := range add {
		found := false
		for _, d := range dst {
			if d == a {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, a)
		}
	}
	return dst
}

func cloneTheme(th Theme) Theme {
	th.TermsZH = append([]string(nil), th.TermsZH...)
	th.TermsEN = append([]string(nil), th.TermsEN...)
	return th
}

// empty returns a taxonomy without themes.
func empty() *Taxonomy { return (&Taxonomy{byID: map[string]int{}}).finish() }

// Themes returns a copy of the themes in file order.
func (t *Taxonomy) Themes() []Theme {
	if t == nil {
		return nil
	}
	out := make([]Theme, len(t.themes))
	for i, th := range t.themes {
		out[i] = cloneTheme(th)
	}
	return out
}

// Theme returns the theme with the given id.
func (t *Taxonomy) Theme(id string) (Theme, bool) {
	if t == nil {
		return Theme{}, false
	}
	i, ok := t.byID[id]
	if !ok {
		return Theme{}, false
	}
	return cloneTheme(t.themes[i]), true
}

// Len returns the number of themes.
func (t *Taxonomy) Len() int {
	if t == nil {
		return 0
	}
	return len(t.themes)
}

// Version is a short content hash of the themes: it changes whenever an id,
// label or term changes, so stored analyses and the index can tell that
// they were built with another taxonomy.
func (t *Taxonomy) Version() string {
	if t == nil {
		return ""
	}
	return t.ver
}
