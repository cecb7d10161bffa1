package people

import (
	"strings"
	"unicode/utf8"
)

// Common Chinese surnames. Characters that are far more often function
// words than surnames in these reports (党, 全, 从, 和, 向, 于, 长, 及, 与,
// 在, 时, 那, 所, 以, 把, 被, 对, 为, 是, 由, 但) are left out on purpose:
// a false surname costs far more (false people) than a missed rare one
// (会议由周丽（…）主持 must not give 由周丽).
const zhSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许赖洪韩冯邓曹彭曾肖萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"

var notSurname = "党全从和向于长及与在时那所以把被对为是位区盘海花国计来都普相初门云平由但"

var zhCompound = []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "申屠", "令狐", "慕容", "尉迟", "夏侯", "长孙", "宇文", "公孙", "端木", "司徒", "轩辕", "西门", "南宫", "独孤", "万俟", "闻人", "澹台"}

var surnameSet = newHanSet(strings.Map(func(r rune) rune {
	if strings.ContainsRune(notSurname, r) {
		return -1
	}
	return r
}, zhSurnames))

// badGiven are characters that essentially never appear in a given name
// but often follow a surname-like character in organisation or role words
// (机关党委 -> "关党委").
var badGiven = newHanSet(strings.Map(func(r rune) rune {
	// Common in given names although listed for safety elsewhere: 为 as
	// in 张为民 or 李为国 (the follower and lexicon checks still keep
	// 成为 or 认为 out).
	if strings.ContainsRune("中心小大成同志为", r) {
		return -1
	}
	return r
}, "地得着过们党委部局院校司厂处科组会区市县镇乡村省办团队站所社员记席届级的了和与及在对为是等要把将被这那其之而已于以也都就还又再并或书长理事主任副总经记者讯报网版号期日年下午时分中心大小第各该本此每个们人名位次项点条件种类同志领导干班成"))

func isSurname(r rune) bool { return surnameSet.has(r) }

// leaders are national leaders: reports cite their speeches and doctrines
// ("习近平新时代中国特色社会主义思想", "Xi Jinping Thought"), they do not
// take part in the meeting.
var leaders = map[string]bool{
	"习近平": true, "毛泽东": true, "邓小平": true, "江泽民": true, "胡锦涛": true, "李强": true, "李克强": true,
	"周恩来": true, "刘少奇": true, "朱德": true, "王沪宁": true, "赵乐际": true, "蔡奇": true, "丁薛祥": true,
	"李希": true, "韩正": true, "王岐山": true, "温家宝": true, "陈云": true, "任弼时": true, "孙中山": true,
	"Xi Jinping": true, "Mao Zedong": true, "Deng Xiaoping": true, "Jiang Zemin": true, "Hu Jintao": true,
	"Li Qiang": true, "Li Keqiang": true, "Zhou Enlai": true, "Liu Shaoqi": true, "Zhu De": true,
	"Wang Huning": true, "Zhao Leji": true, "Cai Qi": true, "Ding Xuexiang": true, "Li Xi": true,
	"Han Zheng": true, "Wang Qishan": true, "Wen Jiabao": true, "Sun Yat-sen": true,
	// Models and revolutionaries cited in study sessions.
	"焦裕禄": true, "雷锋": true, "孔繁森": true, "杨善洲": true, "谷文昌": true, "黄大年": true, "张桂梅": true,
	"廖俊波": true, "黄文秀": true, "钱学森": true, "邓稼先": true, "王进喜": true, "张思德": true, "白求恩": true,
	"刘胡兰": true, "董存瑞": true, "黄继光": true, "方志敏": true, "李大钊": true, "陈独秀": true, "瞿秋白": true,
	"杨靖宇": true, "赵一曼": true, "马克思": true, "恩格斯": true, "列宁": true, "彭德怀": true, "陈毅": false,
	"Jiao Yulu": true, "Lei Feng": true, "Karl Marx": true,
	// Romanised place names that look like surname + given name.
	"Hong Kong": true, "Fu Jian": true, "He Nan": true, "He Bei": true, "Hu Nan": true, "Hu Bei": true,
	"Jiang Su": true, "Jiang Xi": true, "Shan Xi": true, "Shan Dong": true, "Yun Nan": true, "An Hui": true,
	"Gan Su": true, "Ning Xia": true, "Qing Hai": true, "Hai Nan": true, "Tian Jin": true, "Chong Qing": true,
	"Shang Hai": true, "Bei Jing": true, "Xin Jiang": true, "Gui Zhou": true, "Si Chuan": true, "Guang Xi": true,
	"Guang Dong": true, "Lan Zhou": true, "Su Zhou": true, "Hang Zhou": true, "Wu Han": true, "Wu Xi": true,
	"Chang Sha": true, "Nan Jing": true, "Xi An": true, "Yan An": true, "Jing Gang": true, "Mao Zhu": true,
}

// refUnsafe are romanised surnames that are also English words; a bare
// "He" or "Long" is not a reference to a person.
var refUnsafe = map[string]bool{"He": true, "Long": true, "Fan": true, "Ban": true, "Man": true, "Sun": true, "Song": true, "Pan": true, "Bo": true, "Ma": true, "Mo": true, "Le": true, "La": true, "Ha": true, "Hong": true, "Yu": true, "Yi": true, "Ye": true, "You": true, "Che": true, "Du": true}

// IsLeader reports whether name is a national leader cited, not a
// participant.
func IsLeader(name string) bool { return leaders[name] }

// Romanised surnames (Hanyu Pinyin), for English texts.
var pinyinSurnames = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Lv Lyu Ding Ren Shen Yao Zhong Cui Tan Jia Fan Jin Shi Liao Xue Yan Qian Dai Mo Kong Xiang Qiu Qin Hou Shao Meng Long Wan Duan Lei Yin Yi Chang Wen Niu Fang Kang Bai Hao Gu Mao Xiong Ji Shu Qu Zou Shang Gong Zhan Bao Geng Jiao Ni Nie Ai Ou Ouyang Sima Zhuge Situ Shangguan Dou Lan Hua Yue Ge Lian Lou Mu Ning Qi Rao Ruan Shan Tong Tu Xing Xin You Zhai Zhuo Zong Chai Chu Fu Gan Guan Hong Hua Jiao Kou Kuang Lai Leng Mei Miao Min Pang Pei Pu Rong Sang Sha Tao Teng Wei Weng Xi Xia Yong Zang Zhen Zhuang Zuo Che Bi Ban Bo Cen Chi Diao Fei Ha Huo Ju Kang Ke La Le Lin Lu Luan Man Nan Nong Pu Qiao Que Rui Shui Si Tai Tie Wu Xuan Yan Yang Yuan Zhan Zhi`) {
		m[s] = true
	}
	return m
}()

// isPinyin reports whether s (lower case) is one or two pinyin syllables,
// the shape of a romanised given name ("qiujue", "ning").
func isPinyin(s string) bool {
	if isSyllable(s) {
		return true
	}
	for i := 1; i < len(s); i++ {
		if isSyllable(s[:i]) && isSyllable(s[i:]) {
			return true
		}
	}
	return false
}

// pinyinFinals are the finals of syllable.
var pinyinFinals = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields("iang iong uang ueng ang eng ing ong ian iao uai uan van ai ei ao ou an en in un vn ia ie iu ua uo ui ue ve er a o e i u v") {
		m[f] = true
	}
	return m
}()

// isSyllable is syllable.MatchString(s) without the regexp: s is a final,
// or an initial (zh, ch, sh or one consonant) and a final.
func isSyllable(s string) bool {
	if pinyinFinals[s] {
		return true
	}
	if len(s) > 2 && (s[:2] == "zh" || s[:2] == "ch" || s[:2] == "sh") && pinyinFinals[s[2:]] {
		return true
	}
	return len(s) > 1 && strings.IndexByte("bpmfdtnlgkhjqxrzcsyw", s[0]) >= 0 && pinyinFinals[s[1:]]
}

// isGivenName checks a capitalised romanised given name: "Qiujue",
// "Jin-long", "Yanjun".
func isGivenName(w string) bool {
	if len(w) < 2 || len(w) > 14 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	// w comes from capWords and is ASCII: lower-case it without the two
	// allocations of ToLower(ReplaceAll(…)), which stay for other input
	// (ToLower folds the Kelvin sign to k).
	var buf [14]byte
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			n = -1
			break
		}
		if c == '-' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	var l string
	if n >= 0 {
		l = string(buf[:n])
	} else {
		l = strings.ToLower(strings.ReplaceAll(w, "-", ""))
	}
	for i := 0; i < len(l); i++ {
		if l[i] < 'a' || l[i] > 'z' {
			return false
		}
	}
	if commonEnglish[l] {
		return false
	}
	return isPinyin(l)
}

// English words that happen to be valid pinyin.
var commonEnglish = map[string]bool{"she": true, "he": true, "an": true, "a": true, "i": true, "in": true, "on": true, "for": false, "hang": true, "long": false, "men": true, "hen": true, "pin": true, "bin": false, "sun": false, "ban": true, "tan": false, "fan": true, "ran": true, "man": true, "can": true, "den": true, "ten": true, "tie": true, "die": true, "pie": true, "lie": true, "dig": true, "ding": false, "sang": false, "gang": false, "ming": false, "ping": false, "zen": true, "gene": true, "bone": true, "tone": true, "dance": true, "change": true, "chance": true, "range": true, "shine": true, "hung": true, "sung": true, "lung": true, "nine": true, "line": true, "fine": true, "mine": true, "wine": true, "dine": true, "pine": true}
