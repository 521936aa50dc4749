import { PageTitle } from '../components/page';

export function ProcessesPage() {
  return <PageTitle title="Processer">Processer</PageTitle>;
}
