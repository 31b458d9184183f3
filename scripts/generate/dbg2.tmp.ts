import { extractText } from '@vanban/ingest';
const t = (s: string) => { const d = extractText(s, { source: 'x' }).documents[0]; console.log(JSON.stringify(d.signer), JSON.stringify(d.signerTitle)); };
t('Nội dung.\n\nNơi nhận:\n\n- Như trên;\n- Lưu : VT , GDĐT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nVõ Hữu Phong\n');
t('Nội dung.\n\nNơi nhận:\n\n- Như trên;\n- Lưu : VT , GDĐT.\n\nTM. ỦY_BAN_NHÂN_DÂN\nCHỦ_TỊCH\n\nVõ Hữu Phong\n');
t('Nội dung.\n\nNơi_nhận:\n\n- Như trên;\n- Lưu : VT , GDĐT.\n\nTM. ỦY_BAN_NHÂN_DÂN\nCHỦ_TỊCH\n\nVõ Hữu Phong\n');
t('Nội dung.\n\nNơi nhận:\n\n- Như trên;\n- Lưu: VT, GDĐT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLưu Văn Toàn\n');
