package index

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"meetscan/analysis/segment"
)

func testTokenizer(t testing.TB, sub bool) *Tokenizer {
	t.Helper()
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	return NewTokenizer(seg, sub)
}

func render(ts analysis.TokenStream) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, fmt.Sprintf("%s/%d", t.Term, t.Position))
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	idx, qry := testTokenizer(t, true), testTokenizer(t, false)
	tests := []struct {
		in, index, query string
	}{
		{"党支部书记述职", "党支部书记/1 党支部/1 支部/2 支部书记/2 书记/4 述职/6", "党支部书记/1 述职/6"},
		{"述职评议会", "述职评议会/1 述职/1 述职评议/1 评议/3 评议会/3 议会/4", "述职评议会/1"},
		{"全面从严治党，召开！", "全面从严治党/1 全面/1 从严/3 从严治党/3 严治/4 治党/5 召开/7", "全面从严治党/1 召开/7"},
		{"黨建工作", "党建/1 工作/3", "党建/1 工作/3"},
		{"The Party's high-quality Development", "the/1 the parti/1 parti/2 parti high/2 high/3 high qualiti/3 qualiti/4 qualiti develop/4 develop/5", "the/1 parti/2 high/3 qualiti/4 develop/5"},
		{"ＡＢＣ meetings 2023年", "abc/1 abc meet/1 meet/2 meet 2023/2 2023/3 年/4", "abc/1 meet/2 2023/3 年/4"},
		{"", "", ""},
		{"，。！ ", "", ""},
	}
	for _, tc := range tests {
		if got := render(idx.Tokenize([]byte(tc.in))); got != tc.index {
			t.Errorf("index %q:\n got %s\nwant %s", tc.in, got, tc.index)
		}
		if got := render(qry.Tokenize([]byte(tc.in))); got != tc.query {
			t.Errorf("query %q:\n got %s\nwant %s", tc.in, got, tc.query)
		}
	}
}

// checkTokens verifies the invariants highlighting and phrases rely on:
// offsets inside the input, 1-based positions that never go back (a
// word's sub-words sit between it and the next word), and Chinese terms equal to their text (after folding).
func checkTokens(t *testing.T, in []byte, ts analysis.TokenStream) {
	t.Helper()
	last := 0
	for _, tok := range ts {
		if tok.Start < 0 || tok.End > len(in) || tok.Start >= tok.End {
			t.Fatalf("%q: bad offsets %d:%d", in, tok.Start, tok.End)
		}
		if !utf8.Valid(in[tok.Start:tok.End]) || !utf8.Valid(tok.Term) || len(tok.Term) == 0 {
			t.Fatalf("%q: token %q at %d:%d not valid UTF-8", in, tok.Term, tok.Start, tok.End)
		}
		if tok.Position < 1 || tok.Position < last {
			t.Fatalf("%q: position %d after %d", in, tok.Position, last)
		}
		if tok.Type == analysis.Ideographic {
			if string(foldTerm(in[tok.Start:tok.End])) != string(tok.Term) {
				t.Fatalf("%q: term %q is not the text %q", in, tok.Term, in[tok.Start:tok.End])
			}
		}
		last = tok.Position
	}
}

func TestTokenOffsets(t *testing.T) {
	idx := testTokenizer(t, true)
	for _, s := range []string{
		"2023年12月28日下午，公司召开2023年度党支部书记抓基层党建工作述职评议会。",
		"Comrade Wu Shiwei (吴世伟) presided over the meeting，强调要推动高质量发展。",
		"“批评”与“自我批评”\n第二段。",
	} {
		checkTokens(t, []byte(s), idx.Tokenize([]byte(s)))
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"党支部书记述职评议会", "The Party's high-quality development", "黨建 A股 3D打印", "\xff\xfe述职", "ｆｕｌｌ－ｗｉｄｔｈ"} {
		f.Add(s)
	}
	idx := testTokenizer(f, true)
	f.Fuzz(func(t *testing.T, s string) {
		in := []byte(s)
		ts := idx.Tokenize(in)
		for _, tok := range ts {
			if tok.Start < 0 || tok.End > len(in) || tok.Start >= tok.End || tok.Position < 1 || len(tok.Term) == 0 {
				t.Fatalf("%q: bad token %+v", s, tok)
			}
		}
	})
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`述职 "党建 工作" -title:会议 +org:某区委 year:>=2020 date:2023-05`, `"`, `a:`, `+`, `theme:x*`, "“全面从严治党”", `year:2019..2021`} {
		f.Add(s)
	}
	qb := &queryBuilder{tok: testTokenizer(f, false), subTok: testTokenizer(f, true), defaultFld: allField}
	f.Fuzz(func(t *testing.T, s string) {
		clauses, err := parseQueryString(s)
		if err != nil {
			return
		}
		q, err := qb.build(clauses)
		if err != nil {
			return
		}
		if q != nil {
			qb.relaxed(clauses, q)
		}
	})
}
