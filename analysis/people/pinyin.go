package people

import (
	"slices"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
	"meetscan/data"
)

// surnamePinyin romanises the surnames of zhSurnames (and the compound
// ones): enough to tell that "Zhang San" in a bilingual report is 张三.
// Given names are not romanised (that would need a full pinyin table);
// their syllable count must match instead.
var surnamePinyin = func() map[string][]string {
	m := map[string][]string{}
	for _, f := range strings.Fields(`王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 林lin 高gao 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 赖lai 洪hong 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 萧xiao 田tian 董dong 潘pan 袁yuan 蔡cai 蒋jiang 余yu 杜du 叶ye 程cheng 魏wei 苏su 吕lv 吕lu 吕lyu 丁ding 任ren 沈shen 姚yao 卢lu 钟zhong 姜jiang 崔cui 谭tan 陆lu 范fan 汪wang 廖liao 石shi 金jin 韦wei 贾jia 夏xia 付fu 傅fu 方fang 邹zou 熊xiong 白bai 孟meng 秦qin 邱qiu 侯hou 江jiang 尹yin 薛xue 闫yan 阎yan 段duan 雷lei 龙long 黎li 史shi 陶tao 贺he 毛mao 郝hao 顾gu 龚gong 邵shao 万wan 覃qin 武wu 钱qian 戴dai 严yan 欧ou 莫mo 孔kong 向xiang 汤tang 常chang 温wen 康kang 施shi 文wen 牛niu 樊fan 葛ge 邢xing 安an 齐qi 易yi 乔qiao 伍wu 庞pang 颜yan 倪ni 庄zhuang 聂nie 章zhang 鲁lu 岳yue 翟zhai 殷yin 詹zhan 申shen 耿geng 关guan 兰lan 焦jiao 俞yu 左zuo 柳liu 甘gan 祝zhu 包bao 宁ning 尚shang 符fu 舒shu 阮ruan 柯ke 纪ji 梅mei 童tong 凌ling 毕bi 单shan 季ji 裴pei 霍huo 涂tu 成cheng 苗miao 谷gu 盛sheng 曲qu 翁weng 冉ran 骆luo 蓝lan 路lu 游you 辛xin 靳jin 管guan 柴chai 蒙meng 鲍bao 华hua 喻yu 祁qi 蒲pu 房fang 滕teng 屈qu 饶rao 解xie 牟mou 艾ai 尤you 阳yang 时shi 穆mu 农nong 司si 卓zhuo 古gu 吉ji 缪miao 简jian 车che 项xiang 连lian 芦lu 麦mai 褚chu 娄lou 窦dou 戚qi 岑cen 景jing 宫gong 费fei 卜bu 冷leng 晏yan 席xi 卫wei 米mi 柏bai 宗zong 瞿qu 桂gui 佟tong 应ying 臧zang 闵min 苟gou 邬wu 边bian 卞bian 姬ji 师shi 仇qiu 栾luan 隋sui 商shang 刁diao 沙sha 荣rong 巫wu 寇kou 桑sang 郎lang 甄zhen 丛cong 仲zhong 虞yu 敖ao 巩gong 明ming 佘she 池chi 查zha 麻ma 苑yuan 迟chi 邝kuang 官guan 封feng 谈tan 匡kuang 鞠ju 惠hui 荆jing 乐le 乐yue 冀ji 郁yu 胥xu 南nan 班ban 储chu 原yuan 栗li 燕yan 楚chu 鄢yan 劳lao 谌chen 奚xi 皮pi 粟su 冼xian 蔺lin 楼lou 满man 闻wen 厉li 伊yi 仝tong 郜gao 阚kan 权quan 强qiang 帅shuai 屠tu 豆dou 朴piao 朴pu 盖gai 练lian 廉lian 禹yu 井jing 祖zu 漆qi 巴ba 丰feng 支zhi 卿qing 狄di 索suo 宣xuan 晋jin 敬jing 扈hu 晁chao 芮rui 阙que 浦pu 戈ge 伏fu 鹿lu 薄bo 邸di 雍yong 辜gu 羊yang 乌wu 母mu 裘qiu 亓qi 修xiu 邰tai 赫he 杭hang 况kuang 宿su 鲜xian 印yin 逯lu 隆long 茹ru 诸zhu 战zhan 慕mu 危wei 玉yu 银yin 亢kang 嵇ji 公gong 哈ha 湛zhan 宾bin 戎rong 勾gou 茅mao 利li 於yu 呼hu 居ju 揭jie 干gan 但dan 尉wei 冶ye 斯si 元yuan 束shu 檀tan 衣yi 信xin 展zhan 阴yin 昝zan 智zhi 幸xing 奉feng 植zhi 衡heng 富fu 尧yao 闭bi 由you 欧阳ouyang 司马sima 上官shangguan 诸葛zhuge 东方dongfang 皇甫huangfu 申屠shentu 令狐linghu 慕容murong 尉迟yuchi 夏侯xiahou 长孙zhangsun 宇文yuwen 公孙gongsun 端木duanmu 司徒situ`) {
		i := strings.IndexFunc(f, func(r rune) bool { return r < utf8.RuneSelf })
		m[f[:i]] = append(m[f[:i]], f[i:])
	}
	return m
}()

// syllableCounts returns whether the romanised given name g (lower case,
// hyphens removed) can be read as one and as two pinyin syllables.
func syllableCounts(g string) (one, two bool) {
	one = isSyllable(g)
	for i := 1; i < len(g) && !two; i++ {
		two = isSyllable(g[:i]) && isSyllable(g[i:])
	}
	return one, two
}

// romanisationOf reports whether the romanised name en ("Zhang San",
// "Ouyang Xiaoming", "Wu Qiu-jue") can be the pinyin of the Chinese name
// zh (张三, 欧阳晓明, 吴秋珏): the surname romanises to the first word and
// the given name has as many syllables as characters.
func romanisationOf(en, zh string) bool {
	words := strings.Fields(en)
	if len(words) != 2 {
		return false
	}
	zh = text.Simplify(zh)
	given := strings.ToLower(strings.ReplaceAll(words[1], "-", ""))
	one, two := syllableCounts(given)
	for sl := 1; sl <= 2; sl++ {
		sur := prefixRunes(zh, sl)
		rest := utf8.RuneCountInString(zh) - sl
		if utf8.RuneCountInString(sur) != sl || rest < 1 || rest > 2 {
			continue
		}
		for _, py := range surnamePinyin[sur] {
			if !strings.EqualFold(words[0], py) {
				continue
			}
			if rest == 1 && one || rest == 2 && two {
				return true
			}
		}
	}
	return false
}

// mergeRomanised folds the two spellings of a person into one when a
// bilingual report names the same person both ways (张三 … Zhang San).
// Only an unambiguous pair is merged: the romanised name must fit
// exactly one Chinese person, and no other romanised name (other than a
// variant spelling, Jian-hua for Jianhua) may fit that person. The person
// keeps the spelling of the report's main language (the Chinese one
// unless the English text is the longer part); the other spellings stay
// aliases, so their mentions still count, and the merged person takes
// the place of the first of its spellings. Everything goes in list
// order, so the result does not depend on map iteration.
func (b *builder) mergeRomanised() {
	// fits[j] are the romanised people that fit only the Chinese person j.
	var fits map[int][]int
	for i, p := range b.people {
		if !isLatinName(p.Name) {
			continue
		}
		match := -1
		for j, q := range b.people {
			if j == i || isLatinName(q.Name) || !romanisationOf(p.Name, q.Name) {
				continue
			}
			if match >= 0 {
				match = -2 // ambiguous
				break
			}
			match = j
		}
		if match >= 0 {
			if fits == nil {
				fits = map[int][]int{}
			}
			fits[match] = append(fits[match], i)
		}
	}
	if len(fits) == 0 {
		return
	}
	english := b.englishMain()
	// groupOf[i] lists the spellings of person i, the kept one first;
	// nil for people that are not merged.
	groupOf := make([][]int, len(b.people))
	for zh, ens := range fits {
		if !sameSpelling(b.people, ens) {
			continue // two romanised people fit one Chinese name
		}
		g := append([]int{zh}, ens...)
		if english {
			g = append(slices.Clone(ens), zh)
		}
		for _, i := range g {
			groupOf[i] = g
		}
	}
	var keep []data.Person
	b.aliases = map[int][]string{}
	for i, person := range b.people {
		g := groupOf[i]
		if g == nil {
			keep = append(keep, person)
			continue
		}
		if i != slices.Min(g) {
			continue // the merged person stands at the first of its places
		}
		person = b.people[g[0]]
		person.Roles = slices.Clone(person.Roles)
		for _, o := range g[1:] {
			for _, r := range b.people[o].Roles {
				if !contains(person.Roles, r) {
					person.Roles = append(person.Roles, r)
				}
			}
			b.aliases[len(keep)] = append(b.aliases[len(keep)], b.people[o].Name)
		}
		keep = append(keep, person)
	}
	b.people = keep
	b.index = map[string]int{}
	for i, p := range keep {
		b.index[p.Name] = i
		for _, n := range b.aliases[i] {
			b.index[n] = i
		}
	}
}

// sameSpelling reports whether the romanised names of people ens are one
// spelling up to case and hyphens.
func sameSpelling(people []data.Person, ens []int) bool {
	key := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", "")) }
	for _, i := range ens[1:] {
		if key(people[i].Name) != key(people[ens[0]].Name) {
			return false
		}
	}
	return true
}

// englishMain reports whether English is the main language of the
// report: its Latin letters outweigh its Han characters, three letters
// to a character, as text.ArticleLang weighs them.
func (b *builder) englishMain() bool {
	han, latin := 0, 0
	for _, p := range b.paras {
		h, l := text.Counts(p)
		han += h
		latin += l
	}
	return latin > 3*han
}

func isLatinName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < utf8.RuneSelf
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
