import { PageTitle } from '../components/page';

export function IntakePage() {
  return <PageTitle title="Ny underretning">Ny underretning</PageTitle>;
}
