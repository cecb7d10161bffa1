package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Syllables for invented personal names, with their pinyin, so Chinese and
// English articles name the same people.
var (
	surnames = [][2]string{
		{"张", "Zhang"}, {"王", "Wang"}, {"李", "Li"}, {"刘", "Liu"}, {"陈", "Chen"}, {"杨", "Yang"},
		{"赵", "Zhao"}, {"黄", "Huang"}, {"周", "Zhou"}, {"吴", "Wu"}, {"徐", "Xu"}, {"孙", "Sun"},
		{"胡", "Hu"}, {"朱", "Zhu"}, {"高", "Gao"}, {"林", "Lin"}, {"何", "He"}, {"郭", "Guo"},
		{"马", "Ma"}, {"罗", "Luo"}, {"梁", "Liang"}, {"宋", "Song"}, {"郑", "Zheng"}, {"谢", "Xie"},
		{"韩", "Han"}, {"唐", "Tang"}, {"冯", "Feng"}, {"董", "Dong"}, {"程", "Cheng"}, {"曹", "Cao"},
		{"袁", "Yuan"}, {"邓", "Deng"}, {"傅", "Fu"}, {"沈", "Shen"}, {"曾", "Zeng"}, {"彭", "Peng"},
		{"陆", "Lu"}, {"蒋", "Jiang"}, {"魏", "Wei"}, {"叶", "Ye"},
	}
	givens = [][2]string{
		{"伟", "wei"}, {"芳", "fang"}, {"敏", "min"}, {"静", "jing"}, {"丽", "li"}, {"强", "qiang"},
		{"磊", "lei"}, {"军", "jun"}, {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"}, {"杰", "jie"},
		{"娟", "juan"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"}, {"秀", "xiu"}, {"霞", "xia"},
		{"平", "ping"}, {"刚", "gang"}, {"桂", "gui"}, {"华", "hua"}, {"晓", "xiao"}, {"宇", "yu"},
		{"鑫", "xin"}, {"琳", "lin"}, {"志", "zhi"}, {"红", "hong"}, {"春", "chun"}, {"玉", "yu"},
		{"峰", "feng"}, {"婷", "ting"}, {"博", "bo"}, {"彬", "bin"}, {"辉", "hui"}, {"颖", "ying"},
		{"凯", "kai"}, {"莉", "li"}, {"瑞", "rui"}, {"晨", "chen"}, {"岚", "lan"}, {"珂", "ke"},
	}
	places = [][2]string{
		{"华东", "Huadong"}, {"江淮", "Jianghuai"}, {"滨江", "Binjiang"}, {"北辰", "Beichen"},
		{"南湖", "Nanhu"}, {"西岭", "Xiling"}, {"东港", "Donggang"}, {"青川", "Qingchuan"},
		{"临海", "Linhai"}, {"金沙", "Jinsha"}, {"云岭", "Yunling"}, {"汉阳", "Hanyang"},
	}
)

// Person returns the invented person number n (Chinese and romanised name);
// the same n always yields the same person.
func Person(n uint64) (zh, en string) {
	r := rand.New(rand.NewPCG(n, 0x5eed))
	s := surnames[r.IntN(len(surnames))]
	g1 := givens[r.IntN(len(givens))]
	zh, en = s[0]+g1[0], s[1]+" "+strings.ToUpper(g1[1][:1])+g1[1][1:]
	if r.IntN(3) > 0 {
		g2 := givens[r.IntN(len(givens))]
		zh += g2[0]
		en += g2[1]
	}
	return zh, en
}

type orgKind struct {
	kind       string
	zh, en     string      // name patterns, %s = place
	titles     [][2]string // leader titles, the first is the speaker's
	partyZH    string      // the party body of the organisation
	partyEN    string
	branchesZH string // what reports at a review: "党支部书记"
}

var orgKinds = []orgKind{
	{kind: "company", zh: "%s能源集团有限公司", en: "%s Energy Group Co., Ltd.", partyZH: "党委", partyEN: "Party Committee",
		titles: [][2]string{{"党委书记、董事长", "Party Committee Secretary and Chairman"},
			{"党委副书记、总经理", "Deputy Secretary of the Party Committee and General Manager"},
			{"党委副书记、工会主席", "Deputy Secretary of the Party Committee and Chairman of the Trade Union"},
			{"纪委书记", "Secretary of the Discipline Inspection Commission"}}},
	{kind: "institute", zh: "%s材料研究院", en: "%s Institute of Materials Research", partyZH: "党委", partyEN: "Party Committee",
		titles: [][2]string{{"党委书记、院长", "Party Secretary and President of the Institute"},
			{"党委副书记、副院长", "Deputy Party Secretary and Vice President"},
			{"党委委员、组织委员", "Party Committee member in charge of organization"},
			{"纪委书记", "Secretary of the Discipline Inspection Commission"}}},
	{kind: "university", zh: "%s理工大学", en: "%s University of Technology", partyZH: "党委", partyEN: "Party Committee",
		titles: [][2]string{{"校党委书记", "Secretary of the University Party Committee"},
			{"校党委副书记、校长", "Deputy Party Secretary and President of the University"},
			{"校党委常委、组织部部长", "Standing Committee member and Head of the Organization Department"},
			{"校纪委书记", "Secretary of the University Discipline Inspection Commission"}}},
	{kind: "street", zh: "%s街道办事处", en: "%s Sub-district Office", partyZH: "党工委", partyEN: "Party Working Committee",
		titles: [][2]string{{"街道党工委书记", "Secretary of the Sub-district Party Working Committee"},
			{"街道党工委副书记、办事处主任", "Deputy Secretary of the Party Working Committee and Director of the Office"},
			{"街道党工委委员、组织委员", "Party Working Committee member in charge of organization"}}},
	{kind: "bureau", zh: "%s市生态环境局", en: "%s Municipal Bureau of Ecology and Environment", partyZH: "党组", partyEN: "Party Leadership Group",
		titles: [][2]string{{"局党组书记、局长", "Secretary of the Party Leadership Group and Director of the Bureau"},
			{"局党组成员、副局长", "Member of the Party Leadership Group and Deputy Director"},
			{"机关党委书记", "Secretary of the Party Committee of the Bureau's Offices"}}},
	{kind: "hospital", zh: "%s人民医院", en: "%s People's Hospital", partyZH: "党委", partyEN: "Party Committee",
		titles: [][2]string{{"党委书记", "Party Committee Secretary"},
			{"党委副书记、院长", "Deputy Party Secretary and Director of the Hospital"},
			{"党委委员、副院长", "Party Committee member and Vice Director"}}},
}

func kindOf(kind string) *orgKind {
	for i := range orgKinds {
		if orgKinds[i].kind == kind {
			return &orgKinds[i]
		}
	}
	return &orgKinds[0]
}

// NewOrg builds an organisation of a kind (company, institute, university,
// street, bureau, hospital) at a place, with invented leaders drawn from
// person numbers base, base+1, ….
func NewOrg(kind, placeZH, placeEN string, base uint64) Org {
	k := kindOf(kind)
	o := Org{ZH: fmt.Sprintf(k.zh, placeZH), EN: fmt.Sprintf(k.en, placeEN), Kind: k.kind}
	used := map[string]bool{}
	n := base
	for _, t := range k.titles {
		zh, en := Person(n)
		for used[zh] { // two leaders of one organisation never share a name
			n++
			zh, en = Person(n)
		}
		used[zh] = true
		n++
		o.Leaders = append(o.Leaders, Leader{ZH: zh, EN: en, TitleZH: t[0], TitleEN: t[1]})
	}
	return o
}

// MakeOrgs returns n distinct invented organisations of every kind.
func MakeOrgs(n int, seed int64) []Org {
	out := make([]Org, 0, n)
	for i := 0; i < n; i++ {
		k := orgKinds[i%len(orgKinds)]
		p := places[(i/len(orgKinds))%len(places)]
		zh, en := p[0], p[1]
		if round := i / (len(orgKinds) * len(places)); round > 0 {
			zh = fmt.Sprintf("%s%d", zh, round+1)
			en = fmt.Sprintf("%s %d", en, round+1)
		}
		out = append(out, NewOrg(k.kind, zh, en, uint64(seed)*1000003+uint64(i)*16))
	}
	return out
}

func (o *Org) party() (zh, en string) {
	k := kindOf(o.Kind)
	return k.partyZH, k.partyEN
}
