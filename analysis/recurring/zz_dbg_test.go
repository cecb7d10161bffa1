package recurring

import (
	"math"
	"testing"

	"meetscan/data/gen"
)

func TestZZDbg(t *testing.T) {
	tok := testTokenizer(t)
	cfg := gen.Default(3000, 7)
	recs, _ := plantedRecords(t, cfg)
	g := New(tok, Options{})
	for _, r := range recs {
		g.Add(r)
	}
	g.tokenizePending()
	w := g.weights()
	names := make([]string, len(g.isTheme))
	for s, id := range g.vocab {
		names[id] = s
	}
	pool := func(texts ...string) *class {
		c := &class{}
		for _, tx := range texts {
			for _, cl := range g.classes {
				if cl.text == tx {
					c.feats = append(c.feats, cl.feats...)
					c.en = cl.en
				}
			}
		}
		m := map[uint32]bool{}
		var fs []uint32
		for _, f := range c.feats {
			if !m[f] {
				m[f] = true
				fs = append(fs, f)
			}
		}
		c.feats = fs
		return c
	}
	show := func(a, b *class) {
		var inter, wa, wb float64
		sa := map[uint32]bool{}
		for _, f := range a.feats {
			sa[f] = true
			wa += w[f]
		}
		var sh []string
		for _, f := range b.feats {
			wb += w[f]
			if sa[f] {
				inter += w[f]
				sh = append(sh, names[f])
			}
		}
		t.Logf("J=%.3f C=%.3f shared=%q", inter/(wa+wb-inter), inter/math.Min(wa, wb), sh)
	}
	show(pool("切实为职工排忧解难，让大家感受到组织的温暖", "要把关心关爱职工落到实处，帮助一线员工解决实际困难"), pool("多到基层一线走访，倾听职工心声，用心办好暖心小事"))
	show(pool("用身边事教育身边人，常敲廉洁警钟，防止小问题演变成大问题", "要经常性开展廉洁提醒谈话，把纪律挺在前面"), pool("抓早抓小、防微杜渐，对苗头性倾向性问题及时咬耳扯袖"))
	show(pool("党务资料要分类建档、及时归集，确保每项活动都有据可查", "要把党务工作台账做细做实，做到记录完整、资料齐全、归档及时"), pool("进一步完善支部工作记录，会议纪要、活动照片和签到表同步归档"))
	show(pool("绷紧安全这根弦，常态化开展隐患排查，坚决防范各类事故", "要守牢安全生产底线，把隐患排查整治做在前面"), pool("安全工作要警钟长鸣，落实好每一项防范措施，确保不出问题"))
	show(pool("party affairs ledgers should be kept in good order so that records are complete, materials are full and filing is timely", "party work materials must be filed by category and collected in time so that every activity can be traced"), pool("branch work records need further improvement, with minutes, photos and sign-in sheets archived together"))
	show(pool("care for employees must be made concrete, helping front-line staff solve practical difficulties", "leaders should visit the front line more often, listen to employees and take care of the small things that warm people's hearts"), pool("it is necessary to relieve the worries of staff so that everyone feels the warmth of the organization"))
}
