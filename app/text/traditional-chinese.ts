// Traditional Chinese, told from Simplified by the characters only it writes.
import { isCommonHan } from './script.js';

/**
 * Common characters written one way in Traditional Chinese and another in Simplified (這/这,
 * 國/国, 說/说...): their share of the Han characters tells a Traditional text, where the rest
 * (人, 大, 中...) are shared by both.
 */
const traditionalOnly = new Set([
  ...'這們個說國會時來對學發問後還麼樣經動開應關點體機實現進過從種當兩長電產頭義裡見為與書車門東話語讀寫買賣歡層專業區醫網頁設計視聽覺廣記錄證據屬變價員條統達選擇雙愛萬億歲請讓認識談論議調護擔態總環線級紅約組織結給絕練連運邊適際陽隊難雜離雲響順領題顯風飛飯館馬驗髮鬥魚鳥黨齊龍傳優兒內則劃創務勞勢華單衛參啟嚴圍圖團場塊壞聲處備夠婦媽孫寧審寶將尋導島廠廢廳幣幾庫張強彈徵惡慣慶憂戰戲擁擊擴數斷暫曆極構樂標樹橋檢歐歷歸殘殺氣漢濟灣災無煙熱燈燒爭狀獨獎獲畢異療盡監盤確碼禮禍稱積穩窮競筆節範築簡類糧紀紙純細終絡絲綜緊綠維編緩縣績繁織繪繼續罰羅習聖聞聯聰職腦臉臨舉舊藝蘭號術衝補製複襲規覽親觀觸訂討訓記訪設許訴診詞試詩該詳誌誕誠誤誰課講謝譯貝負財貨責貴費貼資賓質賭贊贏趕軍軟較載輕輛輪輸轉辦農遠遲遺鄉釋針銀銅銷鋼錢錯鍵鎖鏡鐘鐵閉閒間閱隨險雞靜頂項須預頓額顏飲養餘鬆鬧鮮鳴鹽麗黃齒',
]);

/** Written so only in Traditional Chinese. */
export const isTraditionalOnly = (char: string): boolean => traditionalOnly.has(char);

/**
 * The least share of a text's Han characters written only in Traditional for the text to be
 * Traditional: a Simplified text quotes the odd one (a name, a title), a Traditional one uses
 * them on every line (measured: 20-40 % of Han characters on Traditional UI strings).
 */
export const minTraditionalShare = 0.1;

/** Whether a text's Han characters are Traditional Chinese (undefined: it has none). */
export function isTraditionalChinese(text: string): boolean {
  let han = 0,
    traditional = 0;
  for (const char of text) {
    if (!isCommonHan(char)) continue;
    han++;
    if (traditionalOnly.has(char)) traditional++;
  }
  return han > 0 && traditional >= minTraditionalShare * han;
}
