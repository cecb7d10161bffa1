// Package text holds the small text primitives the extractors share:
// traditional-to-simplified folding, sentence and clause splitting and
// per-paragraph language detection. Everything here is a pure function.
package text

// pairs maps traditional characters that occur in party-building reports to
// their simplified forms. It is not a full converter: it covers the
// characters our cue words, titles and common surnames use, which is what
// rule matching needs. Every pair is a 3-byte UTF-8 rune on both sides, so
// folding keeps byte offsets: a span found in the folded text is the same
// span in the original.
const pairs = "黨党會会議议書书記记長长組组織织開开舉举學学習习強强調调參参與与員员屆届選选聯联設设導导彙汇報报評评風风務务須须應应當当紀纪職职總总經经個个為为們们這这時时間间發发來来頭头幹干區区縣县鄉乡鎮镇處处廳厅辦办單单體体質质標标準准規规範范崗岗雙双責责錄录讀读團团結结協协專专題题萬万億亿餘余陳陈張张劉刘趙赵楊杨黃黄吳吴孫孙馬马許许鄭郑謝谢韓韩馮冯鄧邓蕭萧葉叶蘇苏盧卢蔣蒋龍龙錢钱湯汤賈贾閻阎羅罗鐘钟鍾钟顧顾譚谭鄒邹喬乔齊齐呂吕關关嚴严華华國国東东廣广連连進进實实現现對对種种親亲歷历傳传達达遠远邊边過过還还機机係系構构歸归擔担據据將将從从產产業业號号貫贯徹彻論论訂订講讲話话說说請请該该認认識识證证讓让優优勢势動动勞劳費费資资貢贡獻献夠够階阶陣阵隊队陸陆陽阳隨随險险難难雲云電电靈灵順顺預预領领頒颁顯显飛飞驗验鬥斗點点層层廠厂幾几創创劃划勵励勝胜卻却厲厉雖虽屬属圍围圖图園园場场壓压壯壮備备夢梦奮奋婦妇寶宝寫写審审憲宪帶带幫帮庫库彈弹徑径復复徵征愛爱態态慶庆憶忆懷怀戰战戶户擊击擇择擴扩攜携數数斷断無无樣样橋桥檢检權权歡欢氣气決决況况淨净溫温滿满測测濟济災灾熱热爭争獲获獎奖環环畫画盡尽監监眾众礎础稱称積积穩稳競竞築筑節节簡简紅红約约級级純纯細细終终絕绝統统綱纲網网維维綜综緊紧線线練练績绩繼继續续義义聖圣聞闻聲声聽听肅肃腦脑興兴舊旧藝艺蘭兰術术衛卫補补製制複复視视覺觉觀观計计討讨訓训詞词試试詳详誠诚語语誤误課课談谈謀谋諧谐護护變变豐丰財财貴贵買买賀贺賓宾賞赏購购贊赞趨趋躍跃軍军輔辅輕轻載载輪轮輸输轉转農农週周遊游運运違违遞递遺遗醫医釋释裡里鍵键門门閉闭問问閱阅際际雜杂頁页項项頓顿額额願愿類类養养館馆驅驱魯鲁鮮鲜麥麦麗丽訊讯則则堅坚規规負负擁拥護护彙汇匯汇務务帥帅師师筆笔價价兩两嗎吗麼么樣样驗验讚赞勵励勸劝墮堕壞坏獨独環环藍蓝廳厅輝辉攝摄擴扩據据擾扰攬揽損损畢毕淺浅濃浓燈灯爺爷現现玀猡蘇苏倉仓紮扎夥伙傑杰剛刚劍剑勁劲區区協协厙厍嘗尝團团園园圓圆執执堯尧奪夺奧奥孫孙寧宁層层歲岁嶺岭幣币廟庙彌弥徑径懲惩戲戏揮挥敗败暢畅棟栋樂乐槍枪殘残湧涌滅灭濤涛熱热猶犹瑪玛產产畝亩療疗盞盏碼码礙碍禮礼稅税穀谷窮穷篤笃糾纠紡纺綠绿緣缘縱纵總总績绩罷罢羨羡聰聪職职膽胆臉脸臨临艦舰莊庄莖茎葉叶蒞莅藥药蟲虫蠶蚕覽览觸触訪访詢询誌志誼谊諸诸謹谨證证譜谱譽誉讀读貝贝貧贫貫贯賢贤賬账賴赖贈赠趕赶跡迹踐践車车軌轨較较輯辑辦办邁迈鄰邻鋼钢錦锦鎖锁鏈链鑒鉴閃闪閒闲閣阁闖闯陝陕陰阴隸隶雞鸡韌韧響响頌颂頻频顆颗颱台養养餐餐駐驻騰腾髒脏鬧闹鳴鸣鵬鹏麼么鼓鼓齒齿龐庞"

// simp maps each CJK Unified Ideograph (U+4E00..U+9FFF, the block every
// pair lies in) to its simplified form, or 0 when it is not folded.
// Simplify used a strings.Replacer over the same pairs: the first pair of a
// traditional character wins, as it did there.
var simp = func() *[hanHi - hanLo + 1]uint16 {
	var t [hanHi - hanLo + 1]uint16
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		tr, sr := rs[i], rs[i+1]
		if tr == sr || tr < hanLo || tr > hanHi || sr < hanLo || sr > hanHi {
			continue
		}
		if t[tr-hanLo] == 0 {
			t[tr-hanLo] = uint16(sr)
		}
	}
	return &t
}()

const hanLo, hanHi = 0x4E00, 0x9FFF

// folds marks the characters simp folds, one bit each: most characters of
// a report are not folded, and this 2.6 KB set answers them from the cache
// where the 41 KB table would miss it.
var folds = func() *[(hanHi - hanLo + 64) / 64]uint64 {
	var b [(hanHi - hanLo + 64) / 64]uint64
	for r, t := range simp {
		if t != 0 {
			b[r/64] |= 1 << (r % 64)
		}
	}
	return &b
}()

// simpAt returns the simplified form of the character encoded at s[i:i+3]
// (s[i] is a lead byte of U+4E00..U+9FFF), or 0.
func simpAt(s string, i int) rune {
	if i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0
	}
	r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	if r < hanLo {
		return 0
	}
	if k := r - hanLo; folds[k/64]&(1<<(k%64)) == 0 {
		return 0
	}
	return rune(simp[r-hanLo])
}

// Simplify folds the traditional characters it knows to simplified ones.
// The result has exactly the byte length of s, so offsets carry over.
// Text without traditional characters is returned as it is.
//
// Every pair is a well-formed 3-byte sequence with lead byte E4..E9, which
// never occurs inside another character's encoding, so a byte scan finds
// exactly the characters a rune scan (or a byte-wise replacer) would.
func Simplify(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0xE4 || c > 0xE9 {
			continue
		}
		r := simpAt(s, i)
		if r == 0 {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		b[i], b[i+1], b[i+2] = 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F
		i += 2
	}
	if b == nil {
		return s
	}
	return string(b)
}
