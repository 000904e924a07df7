/**
 * The 10 pillars of digital transformation: the "10 nội dung cơ bản" the ministry reports progress
 * on, in the order it lists them (seed 003: report to the National Committee, 8 August 2022).
 */
import type { Pillar, PillarCode } from "../domain/catalog.ts";

export const pillars: readonly Pillar[] = Object.freeze([
  { code: "awareness", nameVi: "Nhận thức số", nameEn: "Digital awareness", ordinal: 1 },
  { code: "institutions", nameVi: "Thể chế số", nameEn: "Digital institutions", ordinal: 2 },
  { code: "infrastructure", nameVi: "Hạ tầng số", nameEn: "Digital infrastructure", ordinal: 3 },
  { code: "platforms", nameVi: "Nền tảng số", nameEn: "Digital platforms", ordinal: 4 },
  { code: "human_resources", nameVi: "Nhân lực số", nameEn: "Digital human resources", ordinal: 5 },
  { code: "cybersecurity", nameVi: "An toàn, an ninh mạng", nameEn: "Cybersecurity", ordinal: 6 },
  { code: "digital_government", nameVi: "Chính phủ số", nameEn: "Digital government", ordinal: 7 },
  { code: "digital_economy", nameVi: "Kinh tế số", nameEn: "Digital economy", ordinal: 8 },
  { code: "digital_society", nameVi: "Xã hội số", nameEn: "Digital society", ordinal: 9 },
  { code: "smart_cities", nameVi: "Đô thị thông minh", nameEn: "Smart cities", ordinal: 10 },
] satisfies Pillar[]);

export function isPillarCode(s: string): s is PillarCode {
  return pillars.some((p) => p.code === s);
}
