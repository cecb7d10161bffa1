package web

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"meetscan/data"
)

func TestSafeSnippet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a <mark>党建</mark> b", "a <mark>党建</mark> b"},
		{"&lt;script&gt; <mark>x</mark>", "&lt;script&gt; <mark>x</mark>"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"<mark onclick=x>y</mark>", "&lt;mark onclick=x&gt;y"},
		{"<mark>open", "<mark>open</mark>"},
		{"close</mark>", "close"},
		{"a & b &amp; &#39; &#x27; &bogus &#; &#xZ;", "a &amp; b &amp; &#39; &#x27; &amp;bogus &amp;#; &amp;#xZ;"},
		{`"quoted" 'single'`, "&#34;quoted&#34; &#39;single&#39;"},
		{"<MARK>x</MARK>", "&lt;MARK&gt;x&lt;/MARK&gt;"},
		{"ctl\x00\x1b", "ctl  "},
	}
	for _, tt := range tests {
		if got := string(safeSnippet(tt.in)); got != tt.want {
			t.Errorf("safeSnippet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzSafeSnippet checks that whatever the index returns, the browser sees
// only text and balanced <mark> elements.
func FuzzSafeSnippet(f *testing.F) {
	for _, s := range []string{"a <mark>b</mark> c", "<script>x</script>", "<mark><mark>x</mark>", "&amp;&lt;<mark>&#x3c;</mark>",
		"<img src=x onerror=alert(1)>", "</mark><mark", "<<mark>>", "&#0;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(safeSnippet(s))
		z := html.NewTokenizer(strings.NewReader("<p>" + out + "</p>"))
		depth := 0
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case html.StartTagToken:
				if tok.Data == "mark" && len(tok.Attr) == 0 {
					depth++
				} else if tok.Data != "p" {
					t.Fatalf("safeSnippet(%q) = %q: element <%s>", s, out, tok.Data)
				}
			case html.EndTagToken:
				if tok.Data == "mark" {
					depth--
				} else if tok.Data != "p" {
					t.Fatalf("safeSnippet(%q) = %q: end tag </%s>", s, out, tok.Data)
				}
			case html.SelfClosingTagToken, html.CommentToken, html.DoctypeToken:
				t.Fatalf("safeSnippet(%q) = %q: token %v", s, out, tt)
			}
			if depth < 0 {
				t.Fatalf("safeSnippet(%q) = %q: unbalanced </mark>", s, out)
			}
		}
		if depth != 0 {
			t.Fatalf("safeSnippet(%q) = %q: %d unclosed <mark>", s, out, depth)
		}
	})
}

func TestMarkParagraph(t *testing.T) {
	an := &data.Analysis{
		People:       []data.Person{{Name: "张明", Roles: []string{"书记"}}},
		Requirements: []data.Requirement{{Text: "要推动高质量发展，落实党建责任。"}},
		Themes: []data.ThemeHit{{ID: "hq", Terms: []string{"高质量发展"}},
			{ID: "en", Terms: []string{"High-Quality Development"}}},
	}
	title := func(h data.ThemeHit) string { return "T:" + h.ID }
	p := "张明强调，要推动高质量发展，落实党建责任。We pursue high-quality development."
	segs := markParagraph(p, an, title)
	var b strings.Builder
	got := map[string]string{}
	for _, s := range segs {
		b.WriteString(s.Text)
		if s.Class != "" {
			got[s.Text] = s.Class + "|" + s.Title
		}
	}
	if b.String() != p {
		t.Fatalf("segments do not rebuild the paragraph: %q", b.String())
	}
	want := map[string]string{
		"张明":                       "person|书记",
		"要推动":                      "req|",
		"高质量发展":                    "req theme|T:hq",
		"，落实党建责任。":                 "req|",
		"high-quality development": "theme|T:en",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("segment %q: %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if segs := markParagraph("无分析", nil, title); len(segs) != 1 || segs[0].Class != "" {
		t.Errorf("nil analysis: %+v", segs)
	}
}

func FuzzMarkParagraph(f *testing.F) {
	f.Add("张明强调，要推动高质量发展。", "张明", "高质量发展", "要推动")
	f.Add("ABC abc", "a", "ABC", "")
	f.Fuzz(func(t *testing.T, p, person, term, req string) {
		an := &data.Analysis{People: []data.Person{{Name: person}}, Requirements: []data.Requirement{{Text: req}},
			Themes: []data.ThemeHit{{ID: "x", Terms: []string{term}}}}
		var b strings.Builder
		for _, s := range markParagraph(p, an, func(data.ThemeHit) string { return "" }) {
			if s.Text == "" {
				t.Fatalf("empty segment")
			}
			if utf8.ValidString(p) && !utf8.ValidString(s.Text) {
				t.Fatalf("segment %q cuts a character of %q", s.Text, p)
			}
			b.WriteString(s.Text)
		}
		if b.String() != p {
			t.Fatalf("segments %q do not rebuild %q", b.String(), p)
		}
	})
}

// FuzzSearchParams feeds raw query strings to the request parser: it must
// never panic, and what it accepts must respect the limits.
func FuzzSearchParams(f *testing.F) {
	for _, s := range []string{"q=党建&year=2023&sort=date&page=2", "q=%ff", "limit=0", "offset=-1&from=2024&to=2020",
		"q=a&q=b", "type=review&doclang=zh", "page=99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		p := params{v: v}
		req := p.searchRequest()
		if p.err != nil {
			return
		}
		switch {
		case len(req.Query) > maxQueryLen || !utf8.ValidString(req.Query):
			t.Fatalf("accepted query %q", req.Query)
		case req.Limit < 1 || req.Limit > maxLimit:
			t.Fatalf("accepted limit %d", req.Limit)
		case req.Offset < 0 || req.Offset > maxOffset:
			t.Fatalf("accepted offset %d", req.Offset)
		case req.Sort != "relevance" && req.Sort != "date":
			t.Fatalf("accepted sort %q", req.Sort)
		case req.Filter.From != 0 && req.Filter.To != 0 && req.Filter.From > req.Filter.To:
			t.Fatalf("accepted empty range")
		}
	})
}

func TestLayoutChart(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		top  float64
		divs int
	}{{65.7, 80, 4}, {100, 100, 4}, {0.3, 0.3, 3}, {12, 12, 4}, {7, 8, 4}, {1, 1, 4}} {
		top, divs := niceCeil(tt.v)
		if top != tt.top || divs != tt.divs {
			t.Errorf("niceCeil(%v) = %v, %d; want %v, %d", tt.v, top, divs, tt.top, tt.divs)
		}
	}
	c := layoutChart([]int{2019, 2020, 2021}, []seriesData{
		{Label: "a", Values: map[int]float64{2019: 10, 2020: 20, 2021: 40}},
		{Label: "b", Values: map[int]float64{2020: 5}},
	}, true, "share")
	if c == nil || len(c.Series) != 2 || len(c.Series[0].Dots) != 3 || len(c.YTicks) != 5 || c.YTicks[4].Label != "40%" {
		t.Fatalf("chart: %+v", c)
	}
	if d := c.Series[0].Dots; d[2].Y != c.Top || d[0].X != c.Left || d[2].X != c.Right {
		t.Errorf("points not spread over the plot: %+v", d)
	}
	if d := c.Series[1].Dots; d[0].Y != c.Bottom {
		t.Errorf("missing year not drawn at zero: %+v", d)
	}
	if layoutChart(nil, nil, true, "") != nil {
		t.Error("empty chart drawn")
	}
}
