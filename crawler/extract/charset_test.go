package extract_test

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"meetscan/crawler/extract"
)

func TestToUTF8(t *testing.T) {
	const zh = "<p>市委组织部召开党建工作推进会，会议强调要压紧压实责任，推动各项工作落地见效。</p>"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(zh)
	// 𠀀 (U+20000) and € exist in GB18030 only (four-byte / extension).
	gb18030, _ := simplifiedchinese.GB18030.NewEncoder().String(zh + "<p>𠀀€</p>")
	big5, _ := traditionalchinese.Big5.NewEncoder().String("<p>市委組織部召開黨建工作推進會，會議強調要壓緊壓實責任。</p>")
	cases := []struct {
		name, body, ct, want, charset string
	}{
		{"utf-8 header", zh, "text/html; charset=utf-8", zh, "utf-8"},
		{"utf-8 BOM", "\xef\xbb\xbf" + zh, "", zh, "utf-8"},
		{"gbk header", gbk, "text/html; charset=GBK", zh, "gb18030"},
		{"gb2312 meta only", `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` + gbk, "text/html",
			`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` + zh, "gb18030"},
		{"gbk sniffed", gbk, "", zh, "gb18030"},
		{"gb18030 four-byte", gb18030, "text/html; charset=gb18030", zh + "<p>𠀀€</p>", "gb18030"},
		{"header lies: utf-8 for gbk bytes", gbk, "text/html; charset=utf-8", zh, "gb18030"},
		{"big5 header", big5, "text/html; charset=big5", "<p>市委組織部召開黨建工作推進會，會議強調要壓緊壓實責任。</p>", "big5"},
		{"chardet label GB-18030", gbk, "text/html; charset=GB-18030", zh, "gb18030"},
	}
	for _, c := range cases {
		got, cs := extract.ToUTF8([]byte(c.body), c.ct)
		if string(got) != c.want || cs != c.charset {
			t.Errorf("%s: %q (%s), want %q (%s)", c.name, got, cs, c.want, c.charset)
		}
	}
}
