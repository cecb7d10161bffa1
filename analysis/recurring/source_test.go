package recurring

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"meetscan/data"
)

func TestRecordsFromStore(t *testing.T) {
	st, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	mk := func(url, title, org string, year int, reqs ...string) *data.Article {
		a := &data.Article{URL: url, Title: title, Source: org, Body: title + " body " + url,
			Published: data.PubTime{Time: time.Date(year, 5, 2, 0, 0, 0, 0, data.Shanghai)}}
		a.Normalize()
		return a
	}
	arts := []*data.Article{
		mk("https://a.test/1", "会议一", "甲公司", 2021),
		mk("https://a.test/2", "会议二", "乙公司", 2022),
		mk("https://a.test/3", "会议三", "甲公司", 2023),
		mk("https://a.test/4", "no analysis", "甲公司", 2023),
	}
	if _, err := st.PutArticles(arts); err != nil {
		t.Fatal(err)
	}
	req := func(texts ...string) []data.Requirement {
		var rs []data.Requirement
		for _, s := range texts {
			rs = append(rs, data.Requirement{Text: s, Themes: []string{"t"}})
		}
		return rs
	}
	ans := map[string]*data.Analysis{
		arts[0].ID: {MeetingDate: "2021-04-30", Speaker: "王五", Requirements: req("要守牢安全生产底线，把隐患排查整治做在前面", "要加强门户网站内容更新")},
		arts[1].ID: {PeriodYear: 2022, Org: "乙公司党委", Requirements: req("要守牢安全生产底线，把隐患排查整治做在前面")},
		arts[2].ID: {MeetingDate: "--06-01", Requirements: req("要守牢安全生产底线，隐患排查整治要做在前面")},
	}
	if err := st.PutAnalyses(ans); err != nil {
		t.Fatal(err)
	}
	var got []Record
	if err := Records(context.Background(), st, Filter{From: 2021, To: 2022}, func(r Record) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("records %+v", got)
	}
	for _, r := range got {
		if r.ArticleID == arts[0].ID && (r.Date != "2021-04-30" || r.Speaker != "王五" || r.Org != "甲公司" || r.Year != 2021) {
			t.Errorf("record %+v", r)
		}
		// The analysed org 乙公司党委 counts for its unit 乙公司.
		if r.ArticleID == arts[1].ID && (r.Org != "乙公司" || r.Year != 2022 || r.Date != "2022-05-02") {
			t.Errorf("record %+v", r)
		}
	}
	got = nil
	_ = Records(context.Background(), st, Filter{Org: "甲公司"}, func(r Record) error { got = append(got, r); return nil })
	if len(got) != 3 {
		t.Errorf("org filter: %d records", len(got))
	}
	got = nil
	_ = Records(context.Background(), st, Filter{Org: "乙公司党委"}, func(r Record) error { got = append(got, r); return nil })
	if len(got) != 1 || got[0].Org != "乙公司" {
		t.Errorf("org filter by a name with its party organ: %+v", got)
	}

	groups, err := FromStore(context.Background(), st, testTokenizer(t), Filter{}, Options{MinYears: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 1 || groups[0].Count != 3 || groups[0].Variants != 2 || len(groups[0].Years) != 3 {
		t.Fatalf("groups %+v", groups)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, groups); err != nil || !strings.Contains(buf.String(), "1,3,3,2,2021 2022 2023,") {
		t.Errorf("csv %v:\n%s", err, buf.String())
	}
	buf.Reset()
	if err := WriteMembersCSV(&buf, groups); err != nil || strings.Count(buf.String(), "https://a.test/") != 3 {
		t.Errorf("members csv %v:\n%s", err, buf.String())
	}
	buf.Reset()
	if err := WriteText(&buf, groups, 2); err != nil || !strings.Contains(buf.String(), "1. 要守牢安全生产底线") || strings.Count(buf.String(), "   - ") != 2 {
		t.Errorf("text %v:\n%s", err, buf.String())
	}
}

func TestTokens(t *testing.T) {
	tok := testTokenizer(t)
	got := strings.Join(tok.Tokens("要进一步加强支部书记抓党建工作，We must further strengthen the Party's grassroots organizations."), " ")
	for _, bad := range []string{"要", "进一步", "加强", "strengthen", "must", "the", "工作"} {
		for _, w := range strings.Fields(got) {
			if w == bad {
				t.Errorf("boilerplate %q kept: %s", bad, got)
			}
		}
	}
	for _, want := range []string{"支部书记", "党建", "grassroot", "organ"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("content word %q missing: %s", want, got)
		}
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("要进一步加强支部书记抓党建工作，We must strengthen it.")
	f.Add("ǅ İ 党建 123 ...")
	tok := testTokenizer(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range tok.Tokens(s) {
			if w == "" || strings.TrimSpace(w) != w {
				t.Fatalf("bad token %q from %q", w, s)
			}
		}
		g := New(tok, Options{MinCount: 1})
		g.Add(Record{ArticleID: "x", Text: s})
		g.Add(Record{ArticleID: "y", Text: s})
		if _, err := g.Groups(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
}
