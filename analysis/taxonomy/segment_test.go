package taxonomy

import (
	"strconv"
	"strings"
	"testing"

	"meetscan/analysis/segment"
)

// hanParts splits a term at non-Chinese characters (不忘初心、牢记使命 ->
// 不忘初心, 牢记使命).
func hanParts(term string) []string {
	var out []string
	var cur []rune
	for _, r := range term {
		if isHan(r) {
			cur = append(cur, r)
			continue
		}
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

// Every Chinese term must be one gse word with the embedded user
// dictionary, in simplified and traditional script; otherwise it could only
// match as a token sequence whose boundaries depend on the context.
func TestTermsSegmentWhole(t *testing.T) {
	seg := testSeg(t)
	tax := embeddedTax(t)
	inv := usualTraditional()
	for _, th := range tax.Themes() {
		for _, term := range append(th.TermsZH, th.LabelZH) {
			for _, p := range hanParts(term) {
				if len([]rune(p)) < 2 {
					continue
				}
				if got := seg.Cut(p); len(got) != 1 {
					t.Errorf("%s: term %q cuts into %q; add to userdict.txt: %s %d n",
						th.ID, p, strings.Join(got, "/"), p, DictFreq(len([]rune(p))))
				}
				tr := []rune(p)
				for i, r := range tr {
					if x, ok := inv[r]; ok {
						tr[i] = x
					}
				}
				if got := seg.Cut(string(tr)); len(got) != 1 {
					t.Errorf("%s: traditional term %q cuts into %q; add to userdict.txt: %s %d n",
						th.ID, string(tr), strings.Join(got, "/"), string(tr), DictFreq(len(tr)))
				}
			}
		}
	}
}

// usualTraditional maps simplified characters to their usual traditional
// form: the first pair in tradPairs, skipping variant forms.
func usualTraditional() map[rune]rune {
	const variants = "羣峯衆爲綫箇啓牀敍歎汙溼竪鉅踰遯迆"
	inv := map[rune]rune{}
	rs := []rune(tradPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		tr, s := rs[i], rs[i+1]
		if _, ok := inv[s]; !ok && !strings.ContainsRune(variants, tr) {
			inv[s] = tr
		}
	}
	return inv
}

// The embedded user dictionary is well-formed and lists every Chinese
// taxonomy term, so gse keeps each one as a word (regenerate the terms
// section after editing taxonomy.yaml; see docs/taxonomy.md).
func TestUserDictCoversTaxonomy(t *testing.T) {
	dict, err := segment.EmbeddedDict()
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{}
	for i, line := range strings.Split(dict, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Errorf("userdict.txt line %d: %q: want \"word freq pos\"", i+1, line)
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq < 2 {
			t.Errorf("userdict.txt line %d: frequency %q: gse drops entries below 2", i+1, f[1])
		}
		if words[f[0]] {
			t.Errorf("userdict.txt line %d: %q listed twice", i+1, f[0])
		}
		words[f[0]] = true
	}
	for _, th := range embeddedTax(t).Themes() {
		for _, term := range append(th.TermsZH, th.LabelZH) {
			for _, p := range hanParts(term) {
				if len([]rune(p)) >= 2 && !words[p] {
					t.Errorf("%s: term %q is not in userdict.txt", th.ID, p)
				}
			}
		}
	}
	for _, w := range []string{"党委书记", "纪委书记", "组织委员", "宣传委员", "述职评议", "第一责任人", "党支部书记",
		"副书记", "董事长", "总经理", "主持", "双述双评"} {
		if !words[w] {
			t.Errorf("job title or meeting word %q is not in userdict.txt", w)
		}
		if got := testSeg(t).Cut(w); len(got) != 1 {
			t.Errorf("%q cuts into %q", w, got)
		}
	}
}

func TestDictEntries(t *testing.T) {
	tax := mustLoad(t, "themes:\n  - id: a\n    label_zh: 甲乙丙丁\n    terms_zh: [新词语, 已有词, 丙、丁戊, 黨建新詞]\n")
	got := DictEntries(tax, "# comment\n已有词 100 n\n")
	want := "新词语 3000 n\n丁戊 2000 n\n党建新词 5000 n\n甲乙丙丁 5000 n\n"
	if got != want {
		t.Errorf("DictEntries =\n%s\nwant\n%s", got, want)
	}
	dict, err := segment.EmbeddedDict()
	if err != nil {
		t.Fatal(err)
	}
	if extra := DictEntries(embeddedTax(t), dict); extra != "" {
		t.Errorf("embedded userdict.txt lacks taxonomy terms:\n%s", extra)
	}
}
