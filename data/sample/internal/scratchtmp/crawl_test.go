package scratchtmp

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"meetscan/analysis"
	"meetscan/crawler"
	"meetscan/data"
	"meetscan/data/sample"
)

func TestScratchCrawl(t *testing.T) {
	srv := httptest.NewServer(sample.Handler())
	defer srv.Close()
	st, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	sum, err := crawler.Crawl(context.Background(), crawler.Config{StartURLs: []string{srv.URL + "/"}, Delay: -1, Parallel: 4}, st, crawler.StoreSink{Store: st})
	t.Logf("%v %v in %v", sum, err, time.Since(start))
	for _, e := range sum.PageErrors {
		t.Logf("err %v", e)
	}
	f := sample.Facts()
	byPath := map[string]sample.ReportFact{}
	for _, r := range f.Reports {
		byPath[r.Path] = r
	}
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		t.Fatal(err)
	}
	typeOK, themeOK, reqOK, spk := 0, 0, 0, 0
	n, bad := 0, 0
	st.Each(context.Background(), func(a *data.Article, _ *data.Analysis) error {
		n++
		p := strings.TrimPrefix(a.URL, srv.URL)
		r, ok := byPath[p]
		if !ok {
			t.Errorf("unexpected article %s %q", p, a.Title)
			return nil
		}
		probs := []string{}
		if a.Title != r.Title {
			probs = append(probs, fmt.Sprintf("title %q", a.Title))
		}
		if a.Published.String() != r.Published && a.Published.Date() != r.Published[:10] {
			probs = append(probs, fmt.Sprintf("published %q want %q", a.Published.String(), r.Published))
		}
		if a.Lang != r.Lang {
			probs = append(probs, fmt.Sprintf("lang %q want %q", a.Lang, r.Lang))
		}
		for _, bp := range []string{"您的位置", "浏览次数", "相关新闻", "分享到", "版权所有", "Your location", "Related News", "Number of views", "上一篇", "打印本页"} {
			if strings.Contains(a.Body, bp) {
				probs = append(probs, "boilerplate "+bp)
			}
		}
		for _, it := range r.Items {
			if !strings.Contains(a.Body, it.Text) {
				probs = append(probs, "missing item")
			}
		}
		x := an.Analyze(a)
		if x.MeetingType == r.Type {
			typeOK++
		} else {
			t.Logf("type %s -> %s: %s", r.Type, x.MeetingType, a.Title)
		}
		if x.Speaker == r.Speaker.ZH || x.Speaker == r.Speaker.EN {
			spk++
		}
		got := map[string]bool{}
		for _, h := range x.Themes {
			got[h.ID] = true
		}
		allOK := true
		planted := map[string]bool{}
		for _, th := range r.Themes {
			planted[th] = true
			allOK = allOK && got[th]
		}
		for _, th := range f.Themes {
			if got[th.ID] && !planted[th.ID] {
				allOK = false
			}
		}
		if allOK {
			themeOK++
		}
		if len(x.Requirements) == len(r.Items) {
			reqOK++
		}
		if len(probs) > 0 {
			bad++
			if bad < 6 {
				t.Logf("%s: %v source=%q author=%q\n%.300s", p, probs, a.Source, a.Author, a.Body)
			}
		}
		return nil
	})
	t.Logf("%d stored, %d with problems, want %d; type ok %d, themes exact %d, req count ok %d, speaker ok %d", n, bad, f.Articles, typeOK, themeOK, reqOK, spk)
}
