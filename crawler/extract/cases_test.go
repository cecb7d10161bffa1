package extract_test

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"

	"meetscan/crawler/extract"
)

const tablePage = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>区委宣传部召开理论学习中心组集体学习会议 - 某某区人民政府门户网站</title></head>
<body><table width="100%"><tr><td class="dh"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/xwzx/">新闻中心</a></td></tr>
<tr><td>当前位置：<a href="/">首页</a> &gt;&gt; <a href="/xwzx/">新闻中心</a></td></tr>
<tr><td align="center"><b><font size="4">区委宣传部召开理论学习中心组集体学习会议</font></b></td></tr>
<tr><td align="center">信息来源：区委宣传部　　发布日期：2023年12月28日　　点击次数：<script>document.write(35)</script></td></tr>
<tr><td class="zw">　　12月27日，区委宣传部召开理论学习中心组集体学习会议，围绕加强意识形态工作开展专题研讨。<br>　　会议强调，要切实履行意识形态工作责任制，把学习成果转化为推动工作的实际成效。<br><br>　　会议要求，各科室要结合实际抓好贯彻落实，确保各项部署落地落实。</td></tr>
<tr><td>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
<tr><td>相关链接：<a href="/a.html">区委召开常委会会议</a></td></tr>
<tr><td class="bottom">主办：某某区人民政府办公室 2015年3月1日建站 ICP备12345号</td></tr></table></body></html>`

const englishPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Joint Branch Meeting Held on Rural Revitalization | City News</title>
<meta property="og:title" content="Joint Branch Meeting Held on Rural Revitalization"></head><body>
<div id="menu"><a href="/">Home</a><a href="/news/">News</a></div>
<p class="loc">Your location: <a href="/">Home</a> &gt;&gt; News</p>
<article><h1>Joint Branch Meeting Held on Rural Revitalization</h1>
<p class="meta">Published Time: 2024-01-04 21:12 &nbsp; Source: City Agriculture Bureau &nbsp; Number of views: 88</p>
<p>On January 3, the party branches of the City Agriculture Bureau and Qingshan Village held a joint branch meeting on rural revitalization.</p>
<p>The meeting required all branches to strengthen cooperation, share resources and carry out at least two joint activities each quarter.</p>
<p>Submitted by Zhang San</p>
<h2>Related News</h2><ul><li><a href="/n/1.html">Another meeting</a></li></ul></article>
<footer>Copyright 2024 City Government</footer></body></html>`

const urlDatePage = `<html><head><meta charset="utf-8"><title>市纪委监委机关召开党员大会_清风网</title></head><body>
<div class="breadcrumb">您现在的位置：首页 &gt; 工作动态</div>
<h1>市纪委监委机关召开党员大会</h1><div class="source">来源：机关党委　作者：王芳</div>
<div class="article-content"><p>近日，市纪委监委机关召开党员大会，选举产生新一届机关党委委员，会议听取并审议了上一届机关党委工作报告。</p>
<p>会议强调，要以高质量党建引领纪检监察工作高质量发展，持续深化模范机关建设。</p></div>
<div class="share">分享到：微信</div></body></html>`

const metaDatePage = `<html><head><meta charset="utf-8"><meta name="PubDate" content="2022-06-30 16:05"><meta name="ArticleTitle" content="县委办公室召开民主生活会"><meta name="ContentSource" content="县委办公室">
<title>县委办公室召开民主生活会 - 县委</title></head><body><div class="wrap"><h2>县委办公室召开民主生活会</h2>
<div class="TRS_Editor"><p>6月29日，县委办公室领导班子召开民主生活会，班子成员逐一进行对照检查，开展批评与自我批评，明确了整改方向和措施。</p><p>会议指出，要以此次民主生活会为契机，狠抓问题整改，推动各项工作提质增效。</p></div></div></body></html>`

const listingPage = `<html><head><meta charset="utf-8"><title>工作动态_某某市委组织部</title></head><body>
<div class="nav"><a href="/">首页</a></div><h2>工作动态</h2><ul class="list">
<li><a href="./202401/t20240104_1.html">市委组织部召开党建工作推进会</a><span>2024-01-04</span></li>
<li><a href="./202401/t20240103_2.html">市直机关工委召开述职评议会议</a><span>2024-01-03</span></li>
<li><a href="./202401/t20240102_3.html">区委宣传部召开理论学习中心组集体学习会</a><span>2024-01-02</span></li></ul>
<div class="page"><a href="index.html">首页</a><a href="index_1.html">下一页</a><a href="index_2.html">3</a><a href="index_9.html">尾页</a></div>
<a href="?page=3">3</a></body></html>`

const big5Page = `<html><head><title>市紀委監委機關召開黨員大會_清風網</title></head><body>
<h1>市紀委監委機關召開黨員大會</h1><div class="source">來源：機關黨委</div>
<div class="content"><p>近日，市紀委監委機關召開黨員大會，選舉產生新一屆機關黨委委員，會議聽取並審議了上一屆機關黨委工作報告。</p>
<p>會議強調，要以高品質黨建引領紀檢監察工作高品質發展，持續深化模範機關建設。</p></div></body></html>`

func TestCases(t *testing.T) {
	big5Body, err := traditionalchinese.Big5.NewEncoder().String(big5Page)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, url, html, ct                    string
		title, published, source, author, lang string
		body                                   string // "" = not checked
		article                                bool
	}{
		{name: "table layout with br body and footer date", url: "http://gov.test/xwzx/123.html", html: tablePage,
			title: "区委宣传部召开理论学习中心组集体学习会议", published: "2023-12-28", source: "区委宣传部", lang: "zh",
			body:    "12月27日，区委宣传部召开理论学习中心组集体学习会议，围绕加强意识形态工作开展专题研讨。\n会议强调，要切实履行意识形态工作责任制，把学习成果转化为推动工作的实际成效。\n会议要求，各科室要结合实际抓好贯彻落实，确保各项部署落地落实。",
			article: true},
		{name: "english", url: "http://en.test/news/1.html", html: englishPage,
			title: "Joint Branch Meeting Held on Rural Revitalization", published: "2024-01-04 21:12", source: "City Agriculture Bureau", author: "Zhang San", lang: "en",
			body:    "On January 3, the party branches of the City Agriculture Bureau and Qingshan Village held a joint branch meeting on rural revitalization.\nThe meeting required all branches to strengthen cooperation, share resources and carry out at least two joint activities each quarter.",
			article: true},
		{name: "date from URL", url: "http://qf.test/gzdt/202302/t20230216_5501.html", html: urlDatePage,
			title: "市纪委监委机关召开党员大会", published: "2023-02-16", source: "机关党委", author: "王芳", lang: "zh",
			body:    "近日，市纪委监委机关召开党员大会，选举产生新一届机关党委委员，会议听取并审议了上一届机关党委工作报告。\n会议强调，要以高质量党建引领纪检监察工作高质量发展，持续深化模范机关建设。",
			article: true},
		{name: "meta date and title", url: "http://x.test/a.html", html: metaDatePage,
			title: "县委办公室召开民主生活会", published: "2022-06-30 16:05", source: "县委办公室", lang: "zh", article: true},
		{name: "big5 via header", url: "http://tw.test/202302/t20230216_1.html", html: big5Body, ct: "text/html; charset=big5",
			title: "市紀委監委機關召開黨員大會", published: "2023-02-16", lang: "zh", article: true},
		{name: "listing", url: "http://gov.test/gzdt/index.html", html: listingPage, article: false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := extract.Analyze([]byte(c.html), c.url, extract.Options{ContentType: c.ct})
			if p.IsArticle != c.article {
				t.Fatalf("IsArticle %v (%s), want %v", p.IsArticle, p.Reason, c.article)
			}
			if !c.article {
				return
			}
			a := p.Article
			if a.Title != c.title || a.Published.String() != c.published || a.Source != c.source || a.Author != c.author || a.Lang != c.lang {
				t.Errorf("got title %q published %q source %q author %q lang %q", a.Title, a.Published, a.Source, a.Author, a.Lang)
			}
			if c.body != "" && a.Body != c.body {
				t.Errorf("body:\n%s\nwant:\n%s", a.Body, c.body)
			}
		})
	}
}

func TestListingLinks(t *testing.T) {
	p := extract.Analyze([]byte(listingPage), "http://gov.test/gzdt/index.html", extract.Options{})
	var pag, other []string
	for _, l := range p.Links {
		if l.Pagination {
			pag = append(pag, l.URL)
		} else {
			other = append(other, l.URL)
		}
	}
	wantPag := "http://gov.test/gzdt/index.html http://gov.test/gzdt/index_1.html http://gov.test/gzdt/index_2.html http://gov.test/gzdt/index_9.html"
	if strings.Join(pag, " ") != wantPag {
		t.Errorf("pagination %v", pag)
	}
	if len(other) != 5 || other[1] != "http://gov.test/gzdt/202401/t20240104_1.html" || other[4] != "http://gov.test/gzdt/index.html?page=3" {
		t.Errorf("other links %v", other)
	}
}

func TestSelectors(t *testing.T) {
	opts := extract.Options{Selectors: extract.Selectors{Title: "h1", Date: ".meta", Body: "article", Source: ".meta", Author: "article p:nth-of-type(4)"}}
	p := extract.Analyze([]byte(englishPage), "http://en.test/1.html", opts)
	if !p.IsArticle || p.Article.Published.String() != "2024-01-04 21:12" {
		t.Fatalf("%v %s", p.IsArticle, p.Reason)
	}
	if p.Article.Author != "Zhang San" {
		t.Errorf("author %q", p.Article.Author)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"发布时间：2024-01-04 21:12":          "2024-01-04 21:12",
		"2023年12月28日":                    "2023-12-28",
		"发布日期：2023年12月28日 10:30":         "2023-12-28 10:30",
		"时间：2023/12/28":                  "2023-12-28",
		"2024.1.4":                       "2024-01-04",
		"Release time: May 12, 2023":     "2023-05-12",
		"Publication date: 3 March 2021": "2021-03-03",
		"12 May 2023, 09:30":             "2023-05-12 09:30",
		"2024-01-04T21:12:30+08:00":      "2024-01-04 21:12",
		"电话 1234-5678-9012":              "",
		"2023-02-30":                     "",
		"1900-01-01":                     "",
	} {
		got, ok := extract.ParseDate(in)
		if (want == "") == ok || got.String() != want {
			t.Errorf("ParseDate(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for in, want := range map[string]string{
		"http://a/xwdt/202302/t20230216_1.html": "2023-02-16",
		"http://a/2023-02/16/c_1.htm":           "2023-02-16",
		"http://a/2023/02/16/x.html":            "2023-02-16",
		"http://a/news/123.html":                "",
		"http://a/x.html?d=/2023/02/16/":        "",
	} {
		got, _ := extract.DateFromURL(in)
		if got.String() != want {
			t.Errorf("DateFromURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectLang(t *testing.T) {
	for in, want := range map[string]string{
		"会议强调要抓好落实":                                           "zh",
		"The meeting stressed the need to implement the plan": "en",
		"市委书记张三 chaired the 党员大会 and stressed 全面从严治党":         "mixed",
		"12345": "",
	} {
		if got := extract.DetectLang(in); got != want {
			t.Errorf("DetectLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScriptPager(t *testing.T) {
	page := `<html><body><ul><li><a href="./202401/t20240104_1.html">会议</a></li></ul>
<div class="page"><script>createPageHTML(3, 0, "index", "shtml");</script></div></body></html>`
	p := extract.Analyze([]byte(page), "http://gov.test/gzdt/", extract.Options{})
	var pag []string
	for _, l := range p.Links {
		if l.Pagination {
			pag = append(pag, l.URL)
		}
	}
	if strings.Join(pag, " ") != "http://gov.test/gzdt/index.shtml http://gov.test/gzdt/index_1.shtml http://gov.test/gzdt/index_2.shtml" {
		t.Errorf("script pager links %v", pag)
	}
}
