import type { Theme } from './registry.js';

// The project's own Vietnamese text. Placeholders in braces are filled by templates.ts:
// {py} previous year, {y} year, {n1}…{n4} counts, {a}/{b} a ratio of communes, {pct} percent,
// {where} "toàn tỉnh" / "trên địa bàn huyện", {slogan}. No paragraph names a document number:
// citations are inserted by the templates, so the gold knows every one of them.

export const themes: readonly Theme[] = ['child', 'abuse', 'injury', 'drowning', 'labour', 'hotline', 'month', 'summer'];

/** Subjects ("về …") of documents of each theme; none holds a relation cue word. */
export const subjects: Record<Theme, string[]> = {
  child: [
    'tăng cường công tác bảo vệ, chăm sóc trẻ em',
    'nâng cao hiệu quả công tác chăm sóc, giáo dục và bảo vệ trẻ em',
    'xây dựng xã, phường, thị trấn phù hợp với trẻ em',
    'bảo đảm quyền trẻ em và hỗ trợ trẻ em có hoàn cảnh đặc biệt',
  ],
  abuse: [
    'tăng cường các giải pháp phòng, chống bạo lực, xâm hại trẻ em',
    'phòng, chống xâm hại tình dục trẻ em',
    'xử lý nghiêm các vụ việc bạo lực, xâm hại trẻ em',
  ],
  injury: [
    'phòng, chống tai nạn, thương tích cho trẻ em',
    'xây dựng ngôi nhà an toàn, phòng, chống tai nạn thương tích trẻ em',
  ],
  drowning: [
    'tăng cường công tác phòng, chống đuối nước cho trẻ em',
    'phòng, chống đuối nước trẻ em trong dịp hè',
    'phổ cập bơi an toàn cho trẻ em',
  ],
  labour: [
    'phòng ngừa, giảm thiểu lao động trẻ em',
    'tăng cường kiểm tra việc sử dụng lao động chưa thành niên',
  ],
  hotline: [
    'tăng cường truyền thông về Tổng đài điện thoại quốc gia bảo vệ trẻ em 111',
    'tiếp nhận, xử lý thông tin về trẻ em qua Tổng đài 111',
  ],
  month: ['tổ chức Tháng hành động vì trẻ em năm {y}', 'các hoạt động trong Tháng hành động vì trẻ em năm {y}'],
  summer: ['tổ chức các hoạt động hè cho thiếu nhi năm {y}', 'tổ chức các hoạt động văn hóa, thể thao hè cho thiếu nhi'],
};

/** Situation paragraphs (no citation inside, numbers that must never be read as citations). */
export const situations: Record<Theme, string[]> = {
  child: [
    'Năm {py}, {where} có {n1} trẻ em có hoàn cảnh đặc biệt được hỗ trợ, chăm sóc; {a}/{b} xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em, đạt {pct}%. Tuy vậy, nguồn lực dành cho công tác trẻ em ở cơ sở còn hạn chế, đội ngũ cộng tác viên thường xuyên biến động.',
    'Trong giai đoạn 2016-2020, công tác bảo vệ, chăm sóc trẻ em đạt được nhiều kết quả quan trọng, nhận thức của các cấp, các ngành và của gia đình về quyền trẻ em được nâng lên. Bên cạnh đó, vẫn còn tình trạng trẻ em bị bỏ rơi, trẻ em bỏ học sớm ở vùng sâu, vùng xa.',
  ],
  abuse: [
    'Năm {py}, cơ quan chức năng đã phát hiện, xử lý {n2} vụ xâm hại trẻ em, trong đó có {n3} vụ xâm hại tình dục; nhiều vụ việc xảy ra ngay trong gia đình, do người quen của trẻ gây ra. Tình trạng bạo lực học đường có chiều hướng gia tăng, gây bức xúc trong dư luận.',
    'Các vụ việc bạo lực, xâm hại trẻ em thời gian qua cho thấy kỹ năng tự bảo vệ của trẻ em còn hạn chế; việc phát hiện, thông báo, tố giác hành vi vi phạm ở một số nơi chưa kịp thời, công tác phối hợp giữa các ngành có lúc còn thiếu chặt chẽ.',
  ],
  injury: [
    'Tai nạn thương tích vẫn là nguyên nhân hàng đầu gây tử vong và khuyết tật ở trẻ em; các loại tai nạn thường gặp là tai nạn giao thông, đuối nước, ngã, bỏng và ngộ độc. Năm {py}, {where} ghi nhận {n2} trường hợp trẻ em bị tai nạn thương tích phải điều trị tại cơ sở y tế.',
    'Qua kiểm tra, nhiều gia đình chưa trang bị các biện pháp phòng ngừa tai nạn thương tích trong nhà; một số trường học, khu vui chơi còn tiềm ẩn nguy cơ mất an toàn cho trẻ em, nhất là trong dịp nghỉ hè.',
  ],
  drowning: [
    'Theo thống kê, năm {py} {where} xảy ra {n2} vụ đuối nước làm {n3} trẻ em tử vong, chủ yếu vào dịp hè và tại các sông, suối, ao, hồ không có biển cảnh báo. Tỷ lệ trẻ em từ 6 đến 16 tuổi biết bơi an toàn mới đạt {pct}%.',
    'Mùa mưa lũ và dịp nghỉ hè là thời điểm trẻ em có nguy cơ cao bị đuối nước; nhiều trường hợp trẻ tự đi tắm sông, suối hoặc chơi gần ao, hồ, hố sâu mà không có người lớn trông coi.',
  ],
  labour: [
    'Qua rà soát, {where} còn {n1} trẻ em phải tham gia lao động sớm, tập trung ở các hộ nghèo, hộ cận nghèo và vùng đồng bào dân tộc thiểu số; một số cơ sở sản xuất nhỏ lẻ vẫn sử dụng lao động chưa thành niên làm công việc nặng nhọc.',
  ],
  hotline: [
    'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 hoạt động 24/7 và miễn phí cước gọi; năm {py} Tổng đài đã tiếp nhận {n4} cuộc gọi liên quan đến trẻ em trên địa bàn, trong đó nhiều cuộc gọi đề nghị hỗ trợ, can thiệp khẩn cấp.',
    'Người dân có thể thông báo về trẻ em bị xâm hại hoặc có nguy cơ bị xâm hại qua Tổng đài 111 hoặc đường dây nóng 18001567; mọi thông tin được giữ bí mật.',
  ],
  month: [
    'Tháng hành động vì trẻ em năm {y} được tổ chức từ ngày 01/6 đến ngày 30/6/{y} với chủ đề “{slogan}”. Đây là dịp để các cấp, các ngành huy động nguồn lực chăm lo cho trẻ em, nhất là trẻ em có hoàn cảnh đặc biệt.',
  ],
  summer: [
    'Hằng năm, các câu lạc bộ thể thao dưới nước như bơi lội, lặn, chèo thuyền thu hút đông đảo thiếu nhi tham gia trong dịp hè; nhiều bể bơi, khu vui chơi dưới nước được đưa vào hoạt động tại các khu dân cư.',
    'Dịp hè năm {y}, {where} dự kiến tổ chức {n1} lớp năng khiếu văn hóa, nghệ thuật và thể thao cho thiếu nhi, trong đó có các lớp làm quen với môi trường dưới nước dành cho trẻ từ 8 đến 14 tuổi.',
  ],
};

/** Tasks (list items). Each ends with ";" so no item reads as a heading. */
export const tasks: Record<Theme, string[]> = {
  child: [
    'Tăng cường công tác tuyên truyền, phổ biến, giáo dục pháp luật về quyền trẻ em, trách nhiệm của gia đình, nhà trường và xã hội trong việc bảo vệ, chăm sóc trẻ em;',
    'Rà soát, cập nhật số liệu trẻ em có hoàn cảnh đặc biệt, trẻ em có nguy cơ rơi vào hoàn cảnh đặc biệt; kịp thời hỗ trợ từng trường hợp cụ thể;',
    'Kiện toàn đội ngũ cán bộ làm công tác trẻ em và cộng tác viên ở thôn, bản, tổ dân phố; bố trí kinh phí phù hợp cho hoạt động bảo vệ, chăm sóc trẻ em;',
    'Duy trì và nhân rộng các mô hình bảo vệ, chăm sóc trẻ em dựa vào cộng đồng, mô hình xã, phường phù hợp với trẻ em;',
  ],
  abuse: [
    'Chủ động phòng ngừa, phát hiện sớm và xử lý kịp thời các vụ việc bạo lực, xâm hại trẻ em; phối hợp chặt chẽ với cơ quan công an trong xác minh, xử lý vụ việc;',
    'Trang bị kỹ năng tự bảo vệ cho trẻ em, đặc biệt là kỹ năng nhận biết và phòng, chống xâm hại tình dục, xâm hại trên môi trường mạng;',
    'Hỗ trợ tâm lý, y tế, pháp lý cho trẻ em bị bạo lực, xâm hại; bảo đảm bí mật thông tin của trẻ em và gia đình;',
  ],
  injury: [
    'Tổ chức kiểm tra, rà soát các yếu tố nguy cơ gây tai nạn thương tích cho trẻ em tại gia đình, trường học và cộng đồng; khắc phục kịp thời các điểm mất an toàn;',
    'Hướng dẫn gia đình xây dựng ngôi nhà an toàn, phòng tránh bỏng, ngã, ngộ độc và điện giật cho trẻ nhỏ;',
  ],
  drowning: [
    'Rà soát, cắm biển cảnh báo tại các ao, hồ, sông, suối, hố sâu và các khu vực dễ xảy ra đuối nước; phân công người trông coi tại các điểm có nguy cơ cao;',
    'Đẩy mạnh phổ cập kỹ năng bơi an toàn và phòng, chống đuối nước cho trẻ em, ưu tiên trẻ em từ 6 đến 16 tuổi;',
    'Tuyên truyền để cha mẹ, người chăm sóc trẻ không để trẻ đi tắm sông, suối khi không có người lớn đi cùng; trang bị áo phao khi trẻ đi đò, đi thuyền;',
  ],
  labour: [
    'Tăng cường kiểm tra, giám sát việc sử dụng lao động chưa thành niên tại các cơ sở sản xuất, kinh doanh; ngăn chặn tình trạng lạm dụng sức lao động trẻ em;',
    'Lồng ghép mục tiêu phòng ngừa, giảm thiểu lao động trẻ em vào chương trình giảm nghèo, giáo dục nghề nghiệp ở địa phương;',
  ],
  hotline: [
    'Niêm yết số điện thoại của Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 tại trụ sở cơ quan, trường học, nhà văn hóa thôn, tổ dân phố;',
    'Phối hợp với Tổng đài 111 tiếp nhận, xác minh và xử lý kịp thời các thông tin, thông báo về trẻ em cần được bảo vệ;',
  ],
  month: [
    'Tổ chức lễ phát động Tháng hành động vì trẻ em, thăm hỏi, tặng quà trẻ em có hoàn cảnh đặc biệt khó khăn;',
    'Vận động các cơ quan, doanh nghiệp, nhà hảo tâm ủng hộ Quỹ Bảo trợ trẻ em; tổ chức diễn đàn để trẻ em được bày tỏ ý kiến;',
  ],
  summer: [
    'Tổ chức các lớp năng khiếu, câu lạc bộ thể thao trong dịp hè; đối với các môn thể thao dưới nước phải bố trí huấn luyện viên, nhân viên cứu hộ và trang thiết bị bảo đảm an toàn;',
    'Kiểm tra điều kiện hoạt động của các bể bơi, khu vui chơi giải trí dưới nước trước khi mở cửa phục vụ thiếu nhi;',
    'Tổ chức các hoạt động văn hóa, văn nghệ, vui chơi lành mạnh tại nhà văn hóa, điểm sinh hoạt hè của thiếu nhi;',
  ],
};

export const slogans = [
  'Chung tay xây dựng môi trường sống an toàn cho trẻ em',
  'Lắng nghe và hành động vì trẻ em',
  'Mỗi ngôi nhà là một nơi an toàn cho trẻ',
  'Bảo vệ trẻ em từ gia đình đến cộng đồng',
];

export const objectives = [
  'Nâng cao nhận thức, trách nhiệm của các cấp, các ngành, gia đình và cộng đồng trong công tác bảo vệ, chăm sóc trẻ em.',
  'Xác định cụ thể nhiệm vụ, giải pháp và phân công trách nhiệm cho các cơ quan, đơn vị, bảo đảm đồng bộ, thống nhất, hiệu quả.',
  'Các hoạt động phải thiết thực, phù hợp với điều kiện thực tế của địa phương, tránh hình thức, lãng phí.',
  'Phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong việc giám sát, vận động nhân dân tham gia bảo vệ trẻ em.',
];

export const covid = 'Trong bối cảnh dịch bệnh COVID-19 diễn biến phức tạp, các hoạt động tập trung đông người cần được tổ chức linh hoạt, bảo đảm an toàn phòng, chống dịch.';

export const partyIntro = [
  'Sau một thời gian tổ chức quán triệt, công tác lãnh đạo, chỉ đạo của các cấp ủy, tổ chức đảng đối với công tác chăm sóc, giáo dục và bảo vệ trẻ em có nhiều chuyển biến; tuy nhiên ở một số nơi vẫn chưa được quan tâm đúng mức.',
  'Nhận thức của một bộ phận cán bộ, đảng viên về vị trí, vai trò của công tác trẻ em còn chưa đầy đủ; việc bố trí nguồn lực cho công tác này ở nhiều địa phương còn thấp so với yêu cầu.',
];

export const assignments = [
  'chủ trì, phối hợp với các cơ quan, đơn vị liên quan theo dõi, đôn đốc, tổng hợp kết quả và báo cáo theo quy định.',
  'lồng ghép các nội dung của Kế hoạch vào chương trình công tác năm của cơ quan, đơn vị; bố trí cán bộ theo dõi.',
  'chỉ đạo các cơ sở giáo dục tổ chức các hoạt động giáo dục kỹ năng sống, kỹ năng tự bảo vệ cho học sinh.',
  'tăng cường thông tin, tuyên truyền trên các phương tiện thông tin đại chúng, hệ thống truyền thanh cơ sở.',
];

export const closings = [
  'Trong quá trình triển khai, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về {self} (qua {desk}, điện thoại {phone}) để được hướng dẫn.',
  'Định kỳ 6 tháng và hằng năm, các đơn vị gửi báo cáo kết quả về {self} trước ngày 15/6 và 15/12 để tổng hợp.',
  'Đề nghị các cơ quan, đơn vị quan tâm, phối hợp triển khai; kết quả gửi về {self} trước ngày {deadline} để tổng hợp, báo cáo.',
];
