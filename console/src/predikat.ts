/** The predikat kinerja the two SKP ratings give (PermenPANRB 6/2022), as the evaluation
 * service computes it (`rangkui_evaluation.domain.predikat`): shown while the evaluator
 * chooses, never typed; the service's answer is the one recorded. */
export type Rating = "DI_ATAS" | "SESUAI" | "DI_BAWAH";
export type Predikat = "SANGAT_BAIK" | "BAIK" | "BUTUH_PERBAIKAN" | "KURANG" | "SANGAT_KURANG";

const MATRIX: Record<Rating, Record<Rating, Predikat>> = {
  DI_ATAS: { DI_ATAS: "SANGAT_BAIK", SESUAI: "BAIK", DI_BAWAH: "KURANG" },
  SESUAI: { DI_ATAS: "BAIK", SESUAI: "BAIK", DI_BAWAH: "KURANG" },
  DI_BAWAH: { DI_ATAS: "BUTUH_PERBAIKAN", SESUAI: "BUTUH_PERBAIKAN", DI_BAWAH: "SANGAT_KURANG" },
};

export const RATINGS: Rating[] = ["DI_ATAS", "SESUAI", "DI_BAWAH"];

export function predikatOf(hasilKerja: Rating, perilakuKerja: Rating): Predikat {
  return MATRIX[hasilKerja][perilakuKerja];
}
