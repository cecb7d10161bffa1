package extract_test

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/markusmobius/go-trafilatura"

	"meetscan/crawler/extract"
	"meetscan/crawler/fixture"
)

var boilerMarkers = []string{"您的位置", "浏览次数", "点击次数", "相关新闻", "分享到", "责任编辑", "版权所有", "Your location", "Number of views", "Related News", "Share to", "Release time", "发布时间"}

type evalCase struct {
	name, url, ct string
	page          []byte
	title, date   string // date YYYY-MM-DD
	paras         []string
}

type score struct{ title, date, body, clean int }

func grade(s *score, c evalCase, title string, date string, body string) {
	if title == c.title {
		s.title++
	}
	if date == c.date {
		s.date++
	}
	all := true
	for _, p := range c.paras {
		if !strings.Contains(body, p) {
			all = false
		}
	}
	if all {
		s.body++
	}
	clean := true
	for _, m := range boilerMarkers {
		if strings.Contains(body, m) {
			clean = false
		}
	}
	if clean {
		s.clean++
	}
}

// TestCompareTrafilatura grades our extractor and go-trafilatura on the
// fixture site's pages (GBK and UTF-8, Chinese and English): exact title,
// publication day, all body paragraphs present, no boilerplate in the body.
// The decision in docs/crawler.md rests on this table.
func TestCompareTrafilatura(t *testing.T) {
	site := fixture.New(fixture.Options{Articles: 8, English: 4})
	var cases []evalCase
	for _, a := range site.Expected() {
		b, ct := get(t, site, a.Path)
		cases = append(cases, evalCase{name: a.Path, url: "http://site.test" + a.Path, ct: ct, page: b, title: a.Title, date: a.Published[:10], paras: a.Paras})
	}
	cases = append(cases,
		evalCase{name: "table", url: "http://gov.test/xwzx/123.html", page: []byte(tablePage), title: "区委宣传部召开理论学习中心组集体学习会议", date: "2023-12-28",
			paras: []string{"12月27日，区委宣传部召开理论学习中心组集体学习会议，围绕加强意识形态工作开展专题研讨。", "会议要求，各科室要结合实际抓好贯彻落实，确保各项部署落地落实。"}},
		evalCase{name: "english", url: "http://en.test/news/1.html", page: []byte(englishPage), title: "Joint Branch Meeting Held on Rural Revitalization", date: "2024-01-04",
			paras: []string{"On January 3, the party branches of the City Agriculture Bureau and Qingshan Village held a joint branch meeting on rural revitalization."}},
		evalCase{name: "url date", url: "http://qf.test/gzdt/202302/t20230216_5501.html", page: []byte(urlDatePage), title: "市纪委监委机关召开党员大会", date: "2023-02-16",
			paras: []string{"会议强调，要以高质量党建引领纪检监察工作高质量发展，持续深化模范机关建设。"}},
		evalCase{name: "meta date", url: "http://x.test/a.html", page: []byte(metaDatePage), title: "县委办公室召开民主生活会", date: "2022-06-30",
			paras: []string{"会议指出，要以此次民主生活会为契机，狠抓问题整改，推动各项工作提质增效。"}},
	)
	var ours, traf score
	for _, c := range cases {
		p := extract.Analyze(c.page, c.url, extract.Options{ContentType: c.ct})
		if p.Article != nil {
			grade(&ours, c, p.Article.Title, p.Article.Published.Date(), p.Article.Body)
		}
		// trafilatura gets the page decoded to UTF-8, as it would from colly.
		utf, _ := extract.ToUTF8(c.page, c.ct)
		u, _ := url.Parse(c.url)
		r, err := trafilatura.Extract(bytes.NewReader(utf), trafilatura.Options{OriginalURL: u})
		if err == nil {
			d := ""
			if !r.Metadata.Date.IsZero() {
				d = r.Metadata.Date.Format("2006-01-02")
			}
			grade(&traf, c, r.Metadata.Title, d, r.ContentText)
		}
	}
	n := len(cases)
	t.Logf("%d pages | exact title | publication day | all paragraphs | no boilerplate", n)
	t.Logf("meetscan/extract | %d | %d | %d | %d", ours.title, ours.date, ours.body, ours.clean)
	t.Logf("go-trafilatura   | %d | %d | %d | %d", traf.title, traf.date, traf.body, traf.clean)
	if ours.title != n || ours.date != n || ours.body != n || ours.clean != n {
		t.Errorf("our extractor misses on the fixture: %+v of %d", ours, n)
	}
}
